package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

import java.util.List;

public record BulkRequest(List<Request> getEntries) {}
