extension BuiltinTemplates {
    /// Every topic.
    static let tags = #"""
{{<base}}
{{$main}}
<h1>Topics</h1>
{{^hasTags}}<p>No topics yet.</p>{{/hasTags}}
<ul class="tag-cloud">
{{#tags}}
<li><a href="{{url}}">{{name}} <span class="count">{{count}}</span></a></li>
{{/tags}}
</ul>
{{/main}}
{{/base}}
"""#

    /// The entries carrying one topic.
    static let tag = #"""
{{<base}}
{{$main}}
<p class="kind">{{label}}</p>
<h1>{{name}}</h1>
<p class="lede">{{count}} entr{{#plural}}ies{{/plural}}{{^plural}}y{{/plural}} · <a href="{{site_root}}{{indexPath}}">{{indexName}}</a></p>
<h2 class="visually-hidden">Entries</h2>
<ol class="cards">
{{{entriesHTML}}}
</ol>
{{/main}}
{{/base}}
"""#

    /// Served for any missing page.
    static let notFound = #"""
{{<base}}
{{$main}}
<h1>Page not found</h1>
<p>There is no page at this address. It may have moved, or the course may no longer be offered.</p>
<p><a href="{{site_root}}">Browse the catalog</a> or see <a href="{{site_root}}days/">all days</a>.</p>
{{/main}}
{{/base}}
"""#
}
