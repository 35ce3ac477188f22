def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 3 : "three invocations in build.log, found ${runs.size()}"

// 1: baseline records the three current findings; the repeated line is one entry with count 2.
assert runs[0].contains('oomguard: recorded 3 findings in oomguard-baseline.xml')
def baseline = new File(basedir, 'oomguard-baseline.xml').text
assert baseline.contains('count="2"')
assert baseline.contains('path="src/main/java/com/example/Labels.java"')
assert baseline.contains('member="label(boolean,String)"')
assert !(baseline =~ /line="/)

// 2: the new finding fails the build; the adopted ones do not.
assert runs[1].contains('oomguard: baseline oomguard-baseline.xml adopts 3 findings')
assert runs[1].contains('[ERROR] src/main/java/com/example/Fresh.java:[7,3] [OomSafeWithoutReason]')
assert !runs[1].contains('[ERROR] src/main/java/com/example/Labels.java')
assert runs[1].contains('oomguard: 1 finding (1 error, 0 warnings), 3 absorbed by the baseline, 0 stale baseline entries')
assert runs[1].contains('BUILD FAILURE')

// 3: fixed code: passes, and the entry of the fixed line is reported as stale.
assert runs[2].contains('oomguard: 0 findings (0 errors, 0 warnings), 2 absorbed by the baseline, 1 stale baseline entry')
assert runs[2].contains('Stale baseline entry: [OomSafeWithoutReason] src/main/java/com/example/Labels.java in Labels.label(boolean,String): @OomSafe("") String label = name;')
assert runs[2].contains('BUILD SUCCESS')

// check never writes the baseline: the count is still the adopted one.
assert new File(basedir, 'oomguard-baseline.xml').text == baseline

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.runs[0].results*.baselineState.unique() == ['unchanged']
return true
