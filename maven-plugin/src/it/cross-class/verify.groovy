def log = new File(basedir, 'build.log').text

// The service rebuilds per request: flagged with the chain from the handler in another class.
assert log.contains('src/main/java/com/example/shop/CatalogService.java:[18,') : log
assert log.contains('[PerRequestCollectionRebuild]')
assert log.contains('via `OrderHandler.handle → CatalogService.lookup`')
// Two calls away, the repository's unsized buffer filled from a file too.
assert log.contains('src/main/java/com/example/shop/CatalogRepository.java:[17,')
assert log.contains('via `OrderHandler.handle → CatalogService.lookup → CatalogRepository.describe`')
// The same shape reached only from main is not flagged.
assert !log.contains('CatalogService.java:[26,')
assert log.contains('oomguard: 2 findings')
// The index's summary: one HTTP handler, and only the bodies the search reached were parsed.
assert log =~ /oomguard index: 4 files, \d+ types, \d+ methods, 1 entry points, \d+ hot methods/
assert log =~ /; \d+ of \d+ method bodies parsed;/
return true
