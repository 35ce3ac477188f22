def log = new File(basedir, 'build.log').text
def example = new File(basedir, '../../../../examples/order-service').canonicalFile
assert log.contains('oomguard: analyzing 1 source files')
assert log =~ /\[ERROR\] \S*examples\/order-service\/src\/main\/java\/com\/example\/orders\/OrderController\.java:\[\d+,3\] \[OomSafeWithoutReason\]/
assert log.contains('Not failing the build: failOnViolation is false.')
assert log.contains('BUILD SUCCESS')
assert new File(example, 'target/oomguard/oomguard.sarif').text.contains('"ruleId": "OomSafeWithoutReason"')
return true
