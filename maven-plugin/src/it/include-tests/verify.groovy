def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 2 : "two invocations in build.log, found ${runs.size()}"

assert runs[0].contains('oomguard: analyzing 1 source file with')
assert runs[0].contains('oomguard: 0 findings')
assert runs[0].contains('BUILD SUCCESS')

assert runs[1].contains('oomguard: analyzing 2 source files')
assert runs[1].contains('[ERROR] src/test/java/com/example/DoublerTest.java:[11,3] [OomSafeWithoutReason]')
assert !runs[1].contains('do not compile')
assert runs[1].contains('BUILD FAILURE')
return true
