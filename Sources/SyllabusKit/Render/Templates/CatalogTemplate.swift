extension BuiltinTemplates {
    /// The home page: scheduled runs in date order, then entries without dates.
    static let catalog = #"""
{{<base}}
{{$main}}
<h1>{{site_title}}</h1>
{{#site_description}}<p class="lede">{{site_description}}</p>{{/site_description}}
{{#hasRuns}}<p class="zone-note">Times are local to {{site_zone}} unless another zone is given.</p>{{/hasRuns}}
{{#filters}}
<form class="filters" aria-label="Filter the catalog"{{#hasLanguages}} data-site-language="{{siteLanguage}}"{{/hasLanguages}} hidden>
<label>Topic <select name="tag"><option value="">All topics</option>{{#tags}}<option value="{{slug}}">{{name}}</option>{{/tags}}</select></label>
<label>Instructor <select name="instructor"><option value="">All instructors</option>{{#instructors}}<option value="{{slug}}">{{name}}</option>{{/instructors}}</select></label>
<label>Month <select name="month"><option value="">All months</option>{{#months}}<option value="{{key}}">{{name}}</option>{{/months}}</select></label>{{#hasLevels}}
<label>Level <select name="level"><option value="">All levels</option>{{#levels}}<option value="{{key}}">{{name}}</option>{{/levels}}</select></label>{{/hasLevels}}{{#hasLanguages}}
<label>Language <select name="language"><option value="">All languages</option>{{#languages}}<option value="{{key}}">{{name}}</option>{{/languages}}</select></label>{{/hasLanguages}}{{#hasModes}}
<label>Format <select name="mode"><option value="">All formats</option>{{#modes}}<option value="{{key}}">{{name}}</option>{{/modes}}</select></label>{{/hasModes}}
<button type="reset" class="reset">Show all</button>
<output class="filter-count" aria-live="polite"></output>
</form>{{#hasFacetGroups}}
<noscript><p class="browse">Browse by {{#facetGroups}}{{label}}: {{#links}}<a href="{{url}}">{{name}}</a>{{^last}} · {{/last}}{{/links}}{{^last}}; {{/last}}{{/facetGroups}}</p></noscript>{{/hasFacetGroups}}
{{/filters}}
{{#hasRuns}}
<section aria-labelledby="scheduled">
<h2 id="scheduled">Scheduled</h2>
<ol class="cards">
{{#runs}}
{{{html}}}
{{/runs}}
</ol>
</section>
{{/hasRuns}}
{{#hasUnscheduled}}
<section aria-labelledby="undated">
<h2 id="undated">Without dates</h2>
<ol class="cards">
{{#unscheduled}}
{{{html}}}
{{/unscheduled}}
</ol>
</section>
{{/hasUnscheduled}}
{{^hasEntries}}<p>The catalog is empty.</p>{{/hasEntries}}
{{#filters}}<script src="{{site_root}}assets/filter.js" defer></script>{{/filters}}
{{/main}}
{{/base}}
"""#

    /// One entry in a list: a run of a course, or an entry without dates.
    static let entryCard = #"""
<li class="card{{#cancelled}} is-cancelled{{/cancelled}}" data-tags="{{#tags}}{{slug}} {{/tags}}" data-instructors="{{#instructors}}{{slug}} {{/instructors}}" data-months="{{#months}}{{.}} {{/months}}"{{#filterLevels}} data-levels="{{filterLevels}}"{{/filterLevels}}{{#filterLanguage}} data-language="{{filterLanguage}}"{{/filterLanguage}}{{#filterMode}} data-mode="{{filterMode}}"{{/filterMode}}>
<article>
<h3 class="card-title"><a href="{{url}}">{{title}}</a></h3>
<p class="meta">{{#kind}}<span class="kind">{{kind}}</span> {{/kind}}{{#dates}}<time datetime="{{startISO}}">{{dates}}</time>{{/dates}}{{^dates}}<span class="undated">No dates yet</span>{{/dates}}{{#hours}} <span class="hours">{{hours}}</span>{{/hours}}{{#location}} <span class="location">{{location}}</span>{{/location}}</p>{{#hasBadges}}
<p class="badges">{{#price}}<span class="price">{{price}}</span>{{/price}}{{#status}}<span class="badge badge-{{tone}}">{{label}}</span>{{/status}}{{#mode}}<span class="badge badge-{{tone}}">{{label}}</span>{{/mode}}{{#level}}<span class="badge badge-level">{{level}}</span>{{/level}}{{#languageName}}<span class="badge badge-language" title="Taught in {{languageName}}">{{languageName}}</span>{{/languageName}}</p>{{/hasBadges}}
{{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
{{#hasInstructors}}<p class="people">With {{#instructors}}<a href="{{url}}">{{name}}</a>{{^last}}, {{/last}}{{/instructors}}</p>{{/hasInstructors}}
{{#hasTags}}<ul class="tags" aria-label="Topics">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>{{/hasTags}}
</article>
</li>
"""#
}
