def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 4 : "four invocations in build.log, found ${runs.size()}"

assert runs[0] =~ /Unknown check 'OomSafeWithoutReson' in <checks>\. Valid check names: [A-Za-z, ]*OomSafeWithoutReason/
assert runs[1].contains("Bad severity 'LOUD' for check OomSafeWithoutReason in -Doomguard.checks. Valid values: ERROR, WARNING (or WARN), OFF.")
assert runs[2].contains("Bad value 'SEVERE' for failOnSeverity (oomguard.failOnSeverity). Valid values: ERROR, WARNING (or WARN).")
assert runs[3] =~ /Unknown check 'Foo' in -Doomguard\.checks\. Valid check names: /
// Configuration is checked before anything is analyzed.
runs.each { assert it.contains('BUILD FAILURE'); assert !it.contains('oomguard: analyzing') }
return true
