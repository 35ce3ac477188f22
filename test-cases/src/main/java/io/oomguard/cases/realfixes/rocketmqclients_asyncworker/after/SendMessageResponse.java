package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.after;

public record SendMessageResponse(int code, String messageId) {}
