import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// Every finding as path:[line,col] [CheckName] message, then its docs link.
assert log.contains('[ERROR] src/main/java/com/example/Regions.java:[10,3] [OomSafeWithoutReason] @OomSafe has a blank reason')
assert log.contains('see https://github.com/oomguard/oomguard/blob/main/docs/checks/OomSafeWithoutReason.md')
assert log.contains('oomguard: 1 finding (1 error, 0 warnings), 0 suppressed in source; report: target/oomguard/oomguard.sarif')
assert log.contains('oomguard found 1 finding at WARNING or above (allowed: 0)')
assert log.contains('BUILD FAILURE')

// The SARIF report.
def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
def rule = run.tool.driver.rules.find { it.id == 'OomSafeWithoutReason' }
assert rule.helpUri.endsWith('/docs/checks/OomSafeWithoutReason.md')
assert rule.shortDescription.text
def results = run.results.findAll { it.ruleId == 'OomSafeWithoutReason' }
assert results.size() == 1
def result = results[0]
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/com/example/Regions.java'
assert result.locations[0].physicalLocation.region.startLine == 10
assert result.locations[0].physicalLocation.region.startColumn == 3
assert result.partialFingerprints['oomguardIdentity/v1'] ==~ /[0-9a-f]{32}/

// The analysis writes no class files of its own.
def stray = []
new File(basedir, 'target/oomguard/work').eachFileRecurse { if (it.name.endsWith('.class')) stray << it }
assert stray.isEmpty()
return true
