extension BuiltinTemplates {
    /// Every instructor, A–Z.
    static let instructors = #"""
{{<base}}
{{$main}}
<h1>Instructors</h1>
<ul class="people-list">
{{#instructors}}
<li><a href="{{url}}">{{name}}</a>{{#role}} <span class="role">{{role}}</span>{{/role}} <span class="count">{{courseCount}}</span></li>
{{/instructors}}
</ul>
{{/main}}
{{/base}}
"""#

    /// One instructor: profile, then everything they teach.
    static let instructor = #"""
{{<base}}
{{$main}}
<article class="profile">
<header>
{{#photo}}<img class="photo" src="{{photo}}" alt="" width="160" height="160">{{/photo}}
<h1>{{name}}</h1>
{{#role}}<p class="lede">{{role}}</p>{{/role}}
</header>
{{#bio}}<div class="prose">{{{bio}}}</div>{{/bio}}
{{#hasLinks}}<ul class="profile-links">{{#links}}<li><a href="{{url}}" rel="me noopener">{{title}}</a></li>{{/links}}</ul>{{/hasLinks}}
<section aria-labelledby="teaching">
<h2 id="teaching">Teaching</h2>
{{#hasEntries}}
<ol class="cards">
{{#entries}}
{{> entry-card}}
{{/entries}}
</ol>
{{/hasEntries}}
{{^hasEntries}}<p>No courses listed at the moment.</p>{{/hasEntries}}
{{#feed}}{{> feed-links}}{{/feed}}
</section>
</article>
{{/main}}
{{/base}}
"""#
}
