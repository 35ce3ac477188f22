def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 5 : "five invocations in build.log, found ${runs.size()}"

def finding = '[ERROR] src/main/java/com/example/Regions.java:[10,3] [OomSafeWithoutReason]'
def reused = 'its results are reused'
def analyzed = { String run -> run.contains('oomguard index: 1 files') }

// 1: analyzed.
assert analyzed(runs[0]) && !runs[0].contains(reused)
assert runs[0].contains(finding)
// 2: nothing changed: no index, no analysis; the same finding through the same console and gate.
assert !analyzed(runs[1]) && runs[1].contains(reused)
assert runs[1].contains(finding)
assert runs[1].contains('oomguard: 1 finding (1 error, 0 warnings), 0 suppressed in source')
assert runs[1].contains('Not failing the build: failOnViolation is false.')
// 3: forced.
assert analyzed(runs[2]) && !runs[2].contains(reused)
assert runs[2].contains(finding)
// 4: a changed setting is a changed input.
assert analyzed(runs[3]) && !runs[3].contains(reused)
assert !runs[3].contains(finding)
// 5: the inputs of 1 again, but the last analysis was 4's: analyzed, not 4's results reused.
assert analyzed(runs[4]) && !runs[4].contains(reused)
assert runs[4].contains(finding)
runs.each { assert it.contains('BUILD SUCCESS') }

// The report of the last run is there, with its finding.
assert new File(basedir, 'target/oomguard/oomguard.sarif').text.contains('"ruleId": "OomSafeWithoutReason"')
return true
