def log = new File(basedir, 'build.log').text
def jdk = new File(basedir, 'toolchain-jdk.txt').text
assert log.contains("oomguard: analyzing with the JDK toolchain JDK[${jdk}]")
assert log.contains('[ERROR] src/main/java/com/example/Regions.java:[10,3] [OomSafeWithoutReason]')
assert log.contains('BUILD SUCCESS')
return true
