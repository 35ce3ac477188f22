import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 3 : "three invocations in build.log, found ${runs.size()}"

// 1: reported as a warning, build passes.
assert runs[0].contains('[WARNING] src/main/java/com/example/Regions.java:[10,3] [OomSafeWithoutReason]')
assert runs[0].contains('oomguard: 1 finding (0 errors, 1 warning)')
assert runs[0].contains('BUILD SUCCESS')
// 2: the warning fails the build.
assert runs[1].contains('oomguard found 1 finding at WARNING or above (allowed: 0)')
assert runs[1].contains('BUILD FAILURE')
// 3: OFF: no finding, the rule is marked disabled in SARIF.
assert !runs[2].contains('[OomSafeWithoutReason]')
assert runs[2].contains('oomguard: 0 findings')
assert runs[2].contains('BUILD SUCCESS')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.runs[0].results.findAll { it.ruleId == 'OomSafeWithoutReason' }.isEmpty()
def rule = sarif.runs[0].tool.driver.rules.find { it.id == 'OomSafeWithoutReason' }
assert rule.defaultConfiguration.enabled == false
return true
