def log = new File(basedir, 'build.log').text
assert log.contains('oomguard: skipped (oomguard.skip is true).')
assert !log.contains('[OomSafeWithoutReason]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/oomguard').exists()
return true
