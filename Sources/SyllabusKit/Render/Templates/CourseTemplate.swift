extension BuiltinTemplates {
    /// A course page: the facts first, then the editor's Markdown body.
    static let course = #"""
{{<base}}
{{$main}}
<article class="course">
<header class="course-header">
{{#kind}}<p class="kind">{{kind}}</p>{{/kind}}
<h1>{{title}}</h1>
{{#summary}}<p class="lede">{{summary}}</p>{{/summary}}
</header>
<section class="facts" aria-labelledby="facts-heading">
<h2 id="facts-heading" class="visually-hidden">Key facts</h2>
<dl>
{{#hasRuns}}
<dt>{{#multipleRuns}}Runs{{/multipleRuns}}{{^multipleRuns}}Dates{{/multipleRuns}}</dt>
<dd>
<ul class="runs">
{{#runs}}
<li class="run{{#cancelled}} is-cancelled{{/cancelled}}">
<strong><time datetime="{{startISO}}">{{dates}}</time></strong>
<span class="run-hours">{{hours}}{{#timezone}} <abbr title="Time zone {{timezone}}">({{timezone}})</abbr>{{/timezone}}</span>
{{#location}}<span class="run-location">{{location}}</span>{{/location}}
{{#hasInstructors}}<span class="run-people">With {{#instructors}}<a href="{{url}}">{{name}}</a>{{^last}}, {{/last}}{{/instructors}}</span>{{/hasInstructors}}
<span class="run-days">{{#days}}<a href="{{url}}">{{label}}</a>{{^last}} · {{/last}}{{/days}}</span>{{#hasBadges}}
<span class="badges">{{#price}}<span class="price">{{price}}</span>{{/price}}{{#status}}<span class="badge badge-{{tone}}">{{label}}</span>{{/status}}{{#mode}}<span class="badge badge-{{tone}}">{{label}}</span>{{/mode}}</span>{{/hasBadges}}{{#book}}
<a class="button book" href="{{book}}">Book a place<span class="visually-hidden"> for {{dates}}</span></a>{{/book}}
</li>
{{/runs}}
</ul>
</dd>
{{/hasRuns}}
{{^hasRuns}}<dt>Dates</dt><dd>No dates scheduled</dd>{{/hasRuns}}
{{#priceFact}}<dt>Price</dt><dd class="price">{{priceFact}}</dd>{{/priceFact}}{{#level}}<dt>Level</dt><dd>{{level}}</dd>{{/level}}{{#languageName}}<dt>Language</dt><dd>{{languageName}}</dd>{{/languageName}}{{#location}}<dt>Location</dt><dd>{{location}}</dd>{{/location}}
{{#hasInstructors}}<dt>Instructor{{#multipleInstructors}}s{{/multipleInstructors}}</dt><dd>{{#instructors}}<a href="{{url}}">{{name}}</a>{{^last}}, {{/last}}{{/instructors}}</dd>{{/hasInstructors}}
{{#audience}}<dt>For</dt><dd>{{audience}}</dd>{{/audience}}{{#prerequisites}}<dt>Prerequisites</dt><dd>{{prerequisites}}</dd>{{/prerequisites}}{{#hasPrerequisiteList}}<dt>Prerequisites</dt><dd><ul class="prerequisites">{{#prerequisiteList}}<li>{{.}}</li>{{/prerequisiteList}}</ul></dd>{{/hasPrerequisiteList}}{{#book}}<dt class="visually-hidden">Booking</dt><dd><a class="button book" href="{{book}}">Book a place</a></dd>{{/book}}{{#hasTags}}<dt>Topics</dt><dd><ul class="tags">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul></dd>{{/hasTags}}
</dl>
{{#feed}}{{> feed-links}}{{/feed}}
</section>
<div class="prose">
{{{body}}}
</div>
</article>
{{/main}}
{{/base}}
"""#
}
