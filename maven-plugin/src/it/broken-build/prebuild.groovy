// The report of an earlier, successful run: a failed run must not leave it behind for CI to upload.
def report = new File(basedir, 'target/oomguard/oomguard.sarif')
report.parentFile.mkdirs()
report.text = '{"version":"2.1.0","runs":[{"invocations":[{"executionSuccessful":true}],' +
    '"results":[{"ruleId":"StaleFinding","message":{"text":"from an earlier run"}}]}]}'
return true
