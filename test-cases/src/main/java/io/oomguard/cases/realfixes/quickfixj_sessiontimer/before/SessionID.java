package io.oomguard.cases.realfixes.quickfixj_sessiontimer.before;

public record SessionID(String beginString, String senderCompID, String targetCompID) {}
