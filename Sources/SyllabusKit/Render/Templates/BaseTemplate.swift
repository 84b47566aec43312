extension BuiltinTemplates {
    /// The page shell every page template inherits: `{{<base}}…{{/base}}`.
    static let base = #"""
<!DOCTYPE html>
<html lang="{{site_language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page_title}}{{^page_isHome}} · {{site_title}}{{/page_isHome}}</title>
{{#page_description}}<meta name="description" content="{{page_description}}">{{/page_description}}
<link rel="canonical" href="{{page_canonical}}">
<meta property="og:type" content="{{page_ogType}}">
<meta property="og:site_name" content="{{site_title}}">
<meta property="og:title" content="{{page_title}}">
{{#page_description}}<meta property="og:description" content="{{page_description}}">{{/page_description}}
<meta property="og:url" content="{{page_canonical}}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{page_title}}">
{{#page_description}}<meta name="twitter:description" content="{{page_description}}">{{/page_description}}
{{#page_feed}}<link rel="alternate" type="text/calendar" title="{{title}}" href="{{https}}">{{/page_feed}}
<link rel="icon" href="{{site_root}}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{site_root}}assets/style.css">
<style media="print">.prose a[href^="/"]::after, .facts dd > a[href^="/"]::after { content: " <{{site_origin}}" attr(href) ">"; }</style>
{{#page_jsonLD}}<script type="application/ld+json">{{{page_jsonLD}}}</script>{{/page_jsonLD}}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="{{site_root}}">{{site_title}}</a>
<nav aria-label="Site">
<ul>
<li><a href="{{site_root}}"{{#nav_catalog}} aria-current="page"{{/nav_catalog}}>Catalog</a></li>
<li><a href="{{site_root}}days/"{{#nav_days}} aria-current="page"{{/nav_days}}>Days</a></li>
<li><a href="{{site_root}}instructors/"{{#nav_instructors}} aria-current="page"{{/nav_instructors}}>Instructors</a></li>
<li><a href="{{site_root}}tags/"{{#nav_tags}} aria-current="page"{{/nav_tags}}>Topics</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap">
{{$main}}{{/main}}
<p class="print-url">{{page_canonical}}</p>
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{site_title}} · <a href="{{site_feed_webcal}}">Subscribe to all dates</a> · <a href="{{site_feed_https}}" download>Download calendar (.ics)</a></p>
</div>
</footer>
{{{serveScript}}}
</body>
</html>
"""#

    /// Subscribe and download links for one feed; rendered inside `{{#feed}}`.
    static let feedLinks = #"""
<p class="feed-links"><a class="button" href="{{webcal}}">Subscribe in your calendar</a> <a href="{{https}}" download>Download .ics</a></p>
"""#
}
