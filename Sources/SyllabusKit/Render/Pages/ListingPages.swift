extension PageContexts {
    /// How a section of a listing is headed: on `/past/` a year says enough;
    /// on a page that mixes upcoming and past, "Past runs in 2020".
    enum SectionHeadings { case mixed, pastOnly }

    /// The pages of one listing: `items` cut into pages of `page_size`, each
    /// rendered by `render(number, pagination, listing, items)`. `key` is the
    /// fingerprint of what every page of the listing shows besides its items.
    func listingPages(at listing: String, items: [ListingItem], key: Int?, headings: SectionHeadings = .mixed,
                      omitting omitted: Slug? = nil, templates: TemplateSet,
                      _ render: @escaping @Sendable (Int, Pagination, Listing, ArraySlice<ListingItem>) -> TemplatePage) -> [Page] {
        let pagination = Pagination(listing: listing, items: items.count, pageSize: site.pageSize)
        return (1...pagination.count).map { number in
            // A page shows its own items and what `key` covers for the whole
            // listing: a save re-renders the pages whose items changed, not
            // every page of a 200-page catalog.
            let slice = Pagination.slice(items, page: number, size: site.pageSize)
            return Page.listing(at: pagination.folder(number), key: key.map { pageKey($0, number, pagination.count, Array(slice)) }) { [self] in
                let sections = listingSections(slice, headings: headings, omitting: omitted, templates: templates)
                let listing = Listing(sections: sections, hasEntries: !sections.isEmpty,
                                      pager: pagination.pager(page: number, paths: paths))
                return render(number, pagination, listing, slice)
            }
        }
    }

    /// Consecutive items of one section become one `<section>` with its heading
    /// and the cards' HTML joined, so a section carried over to the next
    /// page starts that page with its heading again.
    func listingSections(_ items: ArraySlice<ListingItem>, headings: SectionHeadings, omitting omitted: Slug?,
                         templates: TemplateSet) -> [ListingSectionData] {
        var sections: [(section: ListingSection, cards: [String])] = []
        for item in items {
            let html = cardHTML(item.entry, omitting: omitted, templates: templates)
            if let last = sections.last, last.section == item.section {
                sections[sections.count - 1].cards.append(html)
            } else {
                sections.append((item.section, [html]))
            }
        }
        return sections.map { section, cards in
            let (id, heading) = Self.heading(section, headings)
            return ListingSectionData(id: id, heading: heading, html: cards.joined(separator: "\n"))
        }
    }

    static func heading(_ section: ListingSection, _ headings: SectionHeadings) -> (id: String, text: String) {
        switch section {
        case .upcoming: return ("upcoming", "Upcoming")
        case .noUpcoming: return ("no-upcoming", "No upcoming dates")
        case let .past(year): return ("past-\(year)", headings == .pastOnly ? "\(year)" : "Past runs in \(year)")
        }
    }

    /// A card's HTML: cached across pages when it names everyone; when it
    /// leaves out the instructor whose page it is on, only its runs that name
    /// instructors are rendered for the page, the rest taken from the cached card.
    func cardHTML(_ entry: ListedEntry, omitting omitted: Slug?, templates: TemplateSet) -> String {
        let run: Run?, lastRun: Run?
        switch entry {
        case let .run(scheduled): (run, lastRun) = (scheduled.run, nil)
        case let .entry(_, last): (run, lastRun) = (nil, last)
        }
        let shared = renderedCard(entry.course, run: run, lastRun: lastRun, templates: templates)
        guard let omitted else { return shared.html }
        return templates.renderCard(entryCard(entry.course, run: run, lastRun: lastRun, omitting: omitted), sharing: shared)
    }
}
