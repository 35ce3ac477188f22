def log = new File(basedir, 'build.log').text
assert log =~ /Malformed oomguard baseline \S*oomguard-baseline\.xml:3: <finding> without its 'check' attribute/
assert log.contains('run `mvn oomguard:baseline` to record it again')
assert log.contains('BUILD FAILURE')
return true
