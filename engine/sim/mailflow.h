#pragma once
// MailFlow: delivers messages into a mounted database at a set rate on the virtual clock; this is what
// fills logs. Deterministic: message n of a flow depends only on its seed and n.

#include "core/result.h"

#include <vector>

#include <QUuid>

namespace scr {

class MountedDatabase;

class MailFlow
{
public:
    MailFlow(MountedDatabase &database, std::vector<QUuid> mailboxes, quint64 seed, qint64 startMs);

    void setRate(double messagesPerMinute) { m_perMinute = messagesPerMinute; }
    double rate() const { return m_perMinute; }
    void setMessageSize(int bytes) { m_size = bytes; }
    int messageSize() const { return m_size; }
    qint64 delivered() const { return m_delivered; }

    // Delivers every message due between the last call and nowMs, made durable in one group commit.
    Result<int> deliverDue(qint64 nowMs);

private:
    MountedDatabase &m_db;
    std::vector<QUuid> m_mailboxes;
    quint64 m_seed;
    qint64 m_lastMs;
    double m_perMinute = 60.0;
    double m_carry = 0.0; // fractions of a message owed between calls
    int m_size = 8 * 1024;
    qint64 m_delivered = 0;
};

} // namespace scr
