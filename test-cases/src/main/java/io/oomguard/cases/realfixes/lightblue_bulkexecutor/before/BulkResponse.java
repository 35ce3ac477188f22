package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

import java.util.List;

public record BulkResponse(List<Response> entries) {}
