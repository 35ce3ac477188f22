def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/java/com/example/Regions.java:[10,3] [OomSafeWithoutReason]')
assert log.contains('Not failing the build: failOnViolation is false.')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/oomguard/oomguard.sarif').text.contains('"ruleId": "OomSafeWithoutReason"')
return true
