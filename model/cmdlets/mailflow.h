#pragma once
// Start-MailFlow's rule, once: the rates and message sizes a mail flow accepts. The cmdlet, the console's
// Start Mail Flow dialog and anything else that starts a flow check through here.

#include "command/commandline.h"
#include "core/result.h"
#include "directory/records.h"

namespace scr::cmdlets {

struct MailFlowLimits
{
    static constexpr qint64 kMinMessagesPerMinute = limits::kMinMessagesPerMinute; // 0: delivers nothing
    static constexpr qint64 kMaxMessagesPerMinute = limits::kMaxMessagesPerMinute;
    static constexpr qint64 kMinMessageSizeKB = limits::kMinMessageSizeKB;
    static constexpr qint64 kMaxMessageSizeKB = limits::kMaxMessageSizeKB;
    static constexpr qint64 kDefaultMessagesPerMinute = 60;
    static constexpr qint64 kDefaultMessageSizeKB = 100;
};

// Refuses a rate or size outside MailFlowLimits, naming the one that is wrong and the range.
Status checkMailFlow(qint64 messagesPerMinute, qint64 messageSizeKB);

// Start-MailFlow database -MessagesPerMinute n -MessageSizeKB n, as the Start Mail Flow dialog runs it.
ems::CommandLine startMailFlowCommand(const QString &database, qint64 messagesPerMinute,
                                      qint64 messageSizeKB);

} // namespace scr::cmdlets
