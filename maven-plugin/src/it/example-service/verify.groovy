def log = new File(basedir, 'build.log').text
def example = new File(basedir, '../../../../examples/order-service').canonicalFile
def copy = new File(basedir, 'order-service')
assert log.contains('oomguard: analyzing 1 source file with')
assert log =~ /\[ERROR\] order-service\/src\/main\/java\/com\/example\/orders\/OrderController\.java:\[\d+,3\] \[OomSafeWithoutReason\]/
assert log.contains('Not failing the build: failOnViolation is false.')
assert log.contains('BUILD SUCCESS')
assert new File(copy, 'target/oomguard/oomguard.sarif').text.contains('"ruleId": "OomSafeWithoutReason"')
// The example itself is left as it was: the quick start's report is the newcomer's own.
def report = new File(example, 'target/oomguard/oomguard.sarif')
assert new File(basedir, 'example-report-before.txt').text ==
    (report.exists() ? "${report.lastModified()}" : 'absent')
return true
