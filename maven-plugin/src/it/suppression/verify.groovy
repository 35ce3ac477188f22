import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('oomguard: 0 findings (0 errors, 0 warnings)')
assert log.contains('BUILD SUCCESS')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
def run = sarif.runs[0]

// @SuppressWarnings("OomSafeWithoutReason"): reported with an in-source suppression.
def byWarnings = run.results.findAll { it.ruleId == 'OomSafeWithoutReason' }
assert byWarnings.size() == 1
assert byWarnings[0].locations[0].physicalLocation.region.startLine == 10
assert byWarnings[0].suppressions[0].kind == 'inSource'
assert byWarnings[0].suppressions[0].justification.contains('@SuppressWarnings("OomSafeWithoutReason")')

// @OomSafe("reason") silences every other check, and its reason becomes the justification.
// UnsizedBufferInHotPath is the suppressible check this scenario relies on.
assert run.tool.driver.rules*.id.contains('UnsizedBufferInHotPath')
def byOomSafe = run.results.findAll { it.ruleId == 'UnsizedBufferInHotPath' }
assert byOomSafe.size() == 1
assert byOomSafe[0].suppressions[0].kind == 'inSource'
assert byOomSafe[0].suppressions[0].justification == 'templates are bundled with the service, at most 4 KB each'
assert log =~ /oomguard: 0 findings \(0 errors, 0 warnings\), 2 suppressed in source/
return true
