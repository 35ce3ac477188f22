def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR')
assert log =~ /src\/main\/java\/com\/example\/Regions\.java:\[10,3\] \[OomSafeWithoutReason\] @OomSafe has a blank reason/
assert log.contains('BUILD FAILURE')
// javac could reach its internals: the project's .mvn/jvm.config was used.
assert !log.contains('IllegalAccessError')
return true
