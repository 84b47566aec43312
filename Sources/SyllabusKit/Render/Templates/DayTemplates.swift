extension BuiltinTemplates {
    /// Every day with a session: a month grid to look at, and a list to read.
    static let days = #"""
{{<base}}
{{$main}}
<h1>Days</h1>
{{^hasMonths}}<p>No dates are scheduled.</p>{{/hasMonths}}
{{#months}}
{{{html}}}
{{/months}}
{{/main}}
{{/base}}
"""#

    /// One month of the days index: a grid to look at, and a list to read.
    static let daysMonth = #"""
<section class="month" aria-labelledby="m-{{key}}">
<h2 id="m-{{key}}">{{name}}</h2>
<div class="month-layout">
<table class="month-grid">
<caption class="visually-hidden">{{name}}: days with sessions are links</caption>
<thead><tr><th scope="col" abbr="Monday">Mo</th><th scope="col" abbr="Tuesday">Tu</th><th scope="col" abbr="Wednesday">We</th><th scope="col" abbr="Thursday">Th</th><th scope="col" abbr="Friday">Fr</th><th scope="col" abbr="Saturday">Sa</th><th scope="col" abbr="Sunday">Su</th></tr></thead>
<tbody>
{{#weeks}}
<tr>{{#cells}}{{#blank}}<td class="blank"></td>{{/blank}}{{^blank}}<td{{#url}} class="has-sessions"{{/url}}>{{#url}}<a href="{{url}}" aria-label="{{label}}: {{count}} session{{#plural}}s{{/plural}}">{{day}}</a>{{/url}}{{^url}}<span>{{day}}</span>{{/url}}</td>{{/blank}}{{/cells}}</tr>
{{/weeks}}
</tbody>
</table>
<ul class="day-list">
{{#days}}
<li><a href="{{url}}"><time datetime="{{iso}}">{{label}}</time></a>
<ul>{{#sessions}}<li><span class="hours">{{hours}}</span> <a href="{{url}}">{{title}}</a></li>{{/sessions}}</ul></li>
{{/days}}
</ul>
</div>
</section>
"""#

    /// Every session on one day, with its hours.
    static let day = #"""
{{<base}}
{{$main}}
<h1><time datetime="{{iso}}">{{label}}</time></h1>
<ol class="cards">
{{#sessions}}
<li class="card{{#cancelled}} is-cancelled{{/cancelled}}">
<article>
<h2 class="card-title"><a href="{{url}}">{{title}}</a></h2>
<p class="meta">{{#kind}}<span class="kind">{{kind}}</span> {{/kind}}<span class="hours">{{hours}} <span class="zone">({{timezone}})</span></span>{{#multiDay}} <span>Day {{dayOfRun}} of {{dayCount}}</span>{{/multiDay}}{{#location}} <span class="location">{{location}}</span>{{/location}}</p>{{#hasBadges}}
<p class="badges">{{#price}}<span class="price">{{price}}</span>{{/price}}{{#status}}<span class="badge badge-{{tone}}">{{label}}</span>{{/status}}{{#mode}}<span class="badge badge-{{tone}}">{{label}}</span>{{/mode}}{{#level}}<span class="badge badge-level">{{level}}</span>{{/level}}{{#languageName}}<span class="badge badge-language" title="Taught in {{languageName}}">{{languageName}}</span>{{/languageName}}</p>{{/hasBadges}}
{{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
{{#hasInstructors}}<p class="people">With {{#instructors}}<a href="{{url}}">{{name}}</a>{{^last}}, {{/last}}{{/instructors}}</p>{{/hasInstructors}}
</article>
</li>
{{/sessions}}
</ol>
<nav class="pager" aria-label="Other days">
<ul>
{{#previous}}<li><a href="{{url}}" rel="prev">← {{label}}</a></li>{{/previous}}
<li><a href="{{site_root}}days/">All days</a></li>
{{#next}}<li><a href="{{url}}" rel="next">{{label}} →</a></li>{{/next}}
</ul>
</nav>
{{/main}}
{{/base}}
"""#
}
