package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

import java.util.List;

public record BulkRequest(List<Request> getEntries) {}
