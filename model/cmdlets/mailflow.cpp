#include "mailflow.h"

#include "validation.h"

namespace scr::cmdlets {

Status checkMailFlow(qint64 messagesPerMinute, qint64 messageSizeKB)
{
    using L = MailFlowLimits;
    if (messagesPerMinute < L::kMinMessagesPerMinute || messagesPerMinute > L::kMaxMessagesPerMinute)
        return refuse(QStringLiteral("Start-MailFlow"),
                      QStringLiteral("MessagesPerMinute %1 is out of range").arg(messagesPerMinute),
                      QStringLiteral("use %1 to %2 messages a minute")
                          .arg(L::kMinMessagesPerMinute)
                          .arg(L::kMaxMessagesPerMinute));
    if (messageSizeKB < L::kMinMessageSizeKB || messageSizeKB > L::kMaxMessageSizeKB)
        return refuse(QStringLiteral("Start-MailFlow"),
                      QStringLiteral("MessageSizeKB %1 is out of range").arg(messageSizeKB),
                      QStringLiteral("use messages of %1 to %2 KB")
                          .arg(L::kMinMessageSizeKB)
                          .arg(L::kMaxMessageSizeKB));
    return {};
}

ems::CommandLine startMailFlowCommand(const QString &database, qint64 messagesPerMinute, qint64 messageSizeKB)
{
    return ems::CommandLine(QStringLiteral("Start-MailFlow"))
        .value(database)
        .arg(QStringLiteral("MessagesPerMinute"), messagesPerMinute)
        .arg(QStringLiteral("MessageSizeKB"), messageSizeKB);
}

} // namespace scr::cmdlets
