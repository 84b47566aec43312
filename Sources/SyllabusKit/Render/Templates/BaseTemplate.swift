extension BuiltinTemplates {
    /// The page shell every page template inherits: `{{<base}}…{{/base}}`.
    static let base = #"""
<!DOCTYPE html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page.title}}{{^page.isHome}} · {{site.title}}{{/page.isHome}}</title>
{{#page.description}}<meta name="description" content="{{page.description}}">{{/page.description}}
<link rel="canonical" href="{{page.canonical}}">
<meta property="og:type" content="{{page.ogType}}">
<meta property="og:site_name" content="{{site.title}}">
<meta property="og:title" content="{{page.title}}">
{{#page.description}}<meta property="og:description" content="{{page.description}}">{{/page.description}}
<meta property="og:url" content="{{page.canonical}}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{page.title}}">
{{#page.description}}<meta name="twitter:description" content="{{page.description}}">{{/page.description}}
{{#page.feed}}<link rel="alternate" type="text/calendar" title="{{title}}" href="{{https}}">{{/page.feed}}
<link rel="icon" href="{{site.root}}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{site.root}}assets/style.css">
<style media="print">.prose a[href^="/"]::after, .facts dd > a[href^="/"]::after { content: " <{{site.origin}}" attr(href) ">"; }</style>
{{#page.jsonLD}}<script type="application/ld+json">{{{page.jsonLD}}}</script>{{/page.jsonLD}}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="{{site.root}}">{{site.title}}</a>
<nav aria-label="Site">
<ul>
<li><a href="{{site.root}}"{{#nav.catalog}} aria-current="page"{{/nav.catalog}}>Catalog</a></li>
<li><a href="{{site.root}}days/"{{#nav.days}} aria-current="page"{{/nav.days}}>Days</a></li>
<li><a href="{{site.root}}instructors/"{{#nav.instructors}} aria-current="page"{{/nav.instructors}}>Instructors</a></li>
<li><a href="{{site.root}}tags/"{{#nav.tags}} aria-current="page"{{/nav.tags}}>Topics</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap">
{{$main}}{{/main}}
<p class="print-url">{{page.canonical}}</p>
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{site.title}} · <a href="{{site.feed.webcal}}">Subscribe to all dates</a> · <a href="{{site.feed.https}}" download>Download calendar (.ics)</a></p>
</div>
</footer>
{{{serveScript}}}
</body>
</html>
"""#

    /// Subscribe and download links for one feed; expects `feed` in context.
    static let feedLinks = #"""
<p class="feed-links"><a class="button" href="{{feed.webcal}}">Subscribe in your calendar</a> <a href="{{feed.https}}" download>Download .ics</a></p>
"""#
}
