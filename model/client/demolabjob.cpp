#include "demolabjob.h"

#include "core/clock.h"
#include "lab/demolab.h"

#include <QThread>

namespace scr {

DemoLabJob::DemoLabJob(const QString &labDir, QObject *parent) : QObject(parent), m_labDir(labDir) {}

DemoLabJob::~DemoLabJob()
{
    if (m_thread)
        m_thread->wait();
}

void DemoLabJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        if (auto made = DemoLab::create(m_labDir, SystemClock::instance()); !made)
            m_error = made.error().toString();
    });
    m_thread->setObjectName(QStringLiteral("demo lab"));
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, [this] { Q_EMIT finished(m_error); });
    m_thread->start();
}

} // namespace scr
