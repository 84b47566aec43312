/// A listing cut into pages of `page_size`: page 1 at the listing's own
/// folder (`tags/erlang/`), the others at `<listing>/page/<n>/`.
struct Pagination: Sendable {
    /// Output folder of page 1, e.g. `tags/erlang/` or `` for the home page.
    let listing: String
    /// Number of pages; at least 1, so an empty listing still has its page.
    let count: Int

    init(listing: String, items: Int, pageSize: Int) {
        self.listing = listing
        self.count = max(1, (items + pageSize - 1) / pageSize)
    }

    /// The items of page `number` (1-based).
    static func slice<Item>(_ items: [Item], page number: Int, size: Int) -> ArraySlice<Item> {
        let start = min(items.count, (number - 1) * size)
        return items[start..<min(items.count, start + size)]
    }

    func folder(_ number: Int) -> String {
        number == 1 ? listing : "\(listing)page/\(number)/"
    }

    /// `Erlang`, `Erlang, page 2`: the page number goes into `<title>`.
    func title(_ base: String, page number: Int) -> String {
        number == 1 ? base : "\(base), page \(number)"
    }

    /// The pages a navigation names: the first, the last and two either side
    /// of the current one, `nil` marking a gap. A 400-page listing gets a
    /// navigation of nine links, not 400.
    func window(around number: Int) -> [Int?] {
        let shown = Set([1, count] + Array(max(1, number - 2)...min(count, number + 2))).sorted()
        var out: [Int?] = []
        for page in shown {
            if let last = out.last ?? nil, page > last + 1 { out.append(nil) }
            out.append(page)
        }
        return out
    }

    /// The `pager` of a page's template: numbered links, previous and next;
    /// `nil` when the listing fits on one page.
    func pager(page number: Int, paths: SitePaths) -> Pager? {
        guard count > 1 else { return nil }
        let (previous, next) = neighbours(of: number, paths: paths)
        return Pager(pages: window(around: number).map { page in
                         guard let page else { return PagerLink(number: nil, url: nil, current: false, gap: true) }
                         return PagerLink(number: page, url: paths.link(folder(page)), current: page == number, gap: false)
                     },
                     number: number, count: count, previous: previous, next: next)
    }

    /// `rel="prev"`/`rel="next"` targets for the page's `<head>`.
    func neighbours(of number: Int, paths: SitePaths) -> (previous: String?, next: String?) {
        (number > 1 ? paths.link(folder(number - 1)) : nil, number < count ? paths.link(folder(number + 1)) : nil)
    }
}
