package io.oomguard.cases.realfixes.lightblue_bulkexecutor.before;

public record Response(String status, String entityData) {}
