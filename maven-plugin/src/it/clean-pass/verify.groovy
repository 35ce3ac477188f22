import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('oomguard: analyzing 1 source files')
assert log.contains('oomguard: 0 findings (0 errors, 0 warnings), 0 suppressed in source; report: target/oomguard/oomguard.sarif')
assert log.contains('BUILD SUCCESS')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.rules*.id.contains('OomSafeWithoutReason')
return true
