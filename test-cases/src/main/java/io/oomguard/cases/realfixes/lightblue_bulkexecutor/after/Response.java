package io.oomguard.cases.realfixes.lightblue_bulkexecutor.after;

public record Response(String status, String entityData) {}
