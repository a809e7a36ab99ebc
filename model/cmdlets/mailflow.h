#pragma once
// Start-MailFlow's rule, once: the rates and message sizes a mail flow accepts. The cmdlet, the console's
// Start Mail Flow dialog and anything else that starts a flow check through here.

#include "core/result.h"

namespace scr::cmdlets {

struct MailFlowLimits
{
    static constexpr qint64 kMinMessagesPerMinute = 0; // 0: the flow exists but delivers nothing
    static constexpr qint64 kMaxMessagesPerMinute = 100000;
    static constexpr qint64 kMinMessageSizeKB = 1;
    static constexpr qint64 kMaxMessageSizeKB = 512;
    static constexpr qint64 kDefaultMessagesPerMinute = 60;
    static constexpr qint64 kDefaultMessageSizeKB = 100;
};

// Refuses a rate or size outside MailFlowLimits, naming the one that is wrong and the range.
Status checkMailFlow(qint64 messagesPerMinute, qint64 messageSizeKB);

} // namespace scr::cmdlets
