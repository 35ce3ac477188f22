def log = new File(basedir, 'build.log').text
assert !log.contains('do not compile') : 'the analysis must run Lombok like the compiler does'
assert log.contains('[ERROR] src/main/java/com/example/Order.java:[15,3] [OomSafeWithoutReason]')
assert log.contains('BUILD FAILURE')
// Nothing Lombok generated during the analysis is reported or left in the build output.
assert !log.contains('target/oomguard/work')
return true
