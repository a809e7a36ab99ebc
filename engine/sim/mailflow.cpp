#include "mailflow.h"

#include "store/mounteddatabase.h"

#include <cmath>

namespace scr {

MailFlow::MailFlow(MountedDatabase &database, std::vector<QUuid> mailboxes, quint64 seed, qint64 startMs)
    : m_db(database), m_mailboxes(std::move(mailboxes)), m_seed(seed), m_lastMs(startMs)
{}

Result<int> MailFlow::deliverDue(qint64 nowMs)
{
    if (m_mailboxes.empty() || nowMs <= m_lastMs)
        return 0;
    m_carry += static_cast<double>(nowMs - m_lastMs) / 60000.0 * m_perMinute;
    m_lastMs = nowMs;
    const int due = static_cast<int>(std::floor(m_carry));
    m_carry -= due;
    for (int i = 0; i < due; ++i) {
        const qint64 n = m_delivered + i;
        DeliverMessageRecord m;
        m.mailboxGuid = m_mailboxes[static_cast<std::size_t>(n % static_cast<qint64>(m_mailboxes.size()))];
        m.internetMessageId =
            QStringLiteral("<flow%1-%2@contoso.com>").arg(m_seed).arg(n, 10, 10, QLatin1Char('0'));
        m.sender = QStringLiteral("user%1@fabrikam.com").arg((n * 7 + static_cast<qint64>(m_seed)) % 97);
        m.subject = QStringLiteral("Report %1").arg(n);
        // The body is described, not stored: its size and a seed of this flow and message (README, "What is
        // real, what is described").
        m.describedBodySize = static_cast<uint32_t>(std::max(1, m_size));
        m.bodySeed = m_seed * 0x100000001B3ULL ^ static_cast<quint64>(n);
        if (auto lsn = m_db.deliverMessage(m); !lsn)
            return lsn.error();
    }
    if (due > 0) {
        SCR_TRY(m_db.commit());
        m_delivered += due;
    }
    return due;
}

} // namespace scr
