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
            return Page.html(at: pagination.folder(number), key: key.map { pageKey($0, number, pagination.count, Array(slice)) }) { [self] in
                let sections = listingSections(slice, headings: headings, omitting: omitted, templates: templates)
                let listing = Listing(sections: sections, hasEntries: !sections.isEmpty,
                                      pager: pagination.pager(page: number, paths: paths))
                return render(number, pagination, listing, slice)
            }
        }
    }

    /// Consecutive items of one section become one `<section>` with its heading
    /// and the cards' HTML joined, so a section carried over to the next
    /// page starts that page with its heading again. The HTML is made when
    /// the page renders; until then it is known by its cards' keys, so that
    /// a build over the previous output links a listing page whose cards
    /// are all as they were without rendering one (`DeferredHTML`).
    func listingSections(_ items: ArraySlice<ListingItem>, headings: SectionHeadings, omitting omitted: Slug?,
                         templates: TemplateSet) -> [ListingSectionData] {
        var sections: [(section: ListingSection, entries: [ListedEntry])] = []
        for item in items {
            if let last = sections.last, last.section == item.section {
                sections[sections.count - 1].entries.append(item.entry)
            } else {
                sections.append((item.section, [item.entry]))
            }
        }
        return sections.map { section, entries in
            let (id, heading) = Self.heading(section, headings)
            let html = DeferredHTML(key: { [self] in
                var hasher = FingerprintHasher()
                hasher.combine(entries.count)
                for entry in entries {
                    let card = cardKey(entry, omitting: omitted, templates: templates)
                    hasher.combine(card.high)
                    hasher.combine(card.low)
                }
                return hasher.finalize()
            }, make: { [self] in
                entries.map { cardHTML($0, omitting: omitted, templates: templates) }.joined(separator: "\n")
            })
            return ListingSectionData(id: id, heading: heading, html: html)
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
        let (run, lastRun) = Self.runs(of: entry)
        let shared = renderedCard(entry.course, run: run, lastRun: lastRun, templates: templates)
        guard let omitted else { return shared.html }
        return templates.renderCard(entryCard(entry.course, run: run, lastRun: lastRun, omitting: omitted), sharing: shared)
    }

    /// What a card's HTML is made from, the same in every process: the
    /// fingerprint of its frame, which is all `entry-card` sees (the template
    /// itself is in every page's salt). A card naming everyone is keyed once
    /// per build, like its HTML.
    func cardKey(_ entry: ListedEntry, omitting omitted: Slug?, templates: TemplateSet) -> Fingerprint {
        let (run, lastRun) = Self.runs(of: entry)
        let make = { [self] () -> Fingerprint in
            let frame = TemplateEncoder.frame(entryCard(entry.course, run: run, lastRun: lastRun, omitting: omitted))
            if let key = TemplatePage.fingerprint(of: frame) { return key }
            // A value the walk does not know: the HTML itself, made for it.
            var hasher = FingerprintHasher()
            hasher.combine(cardHTML(entry, omitting: omitted, templates: templates))
            return hasher.finalize()
        }
        guard omitted == nil else { return make() }
        return cards.keys.value(cardName(entry.course, run: run, lastRun: lastRun), make: make)
    }

    private static func runs(of entry: ListedEntry) -> (run: Run?, lastRun: Run?) {
        switch entry {
        case let .run(scheduled): (scheduled.run, nil)
        case let .entry(_, last): (nil, last)
        }
    }
}
