#pragma once
// DemoLabJob: makes a new demo lab (DemoLab::create) off the caller's thread, a one-off job on a thread of
// its own, so that File > New Demo Lab never blocks the GUI; finished() comes back on the job's thread.
// Destroying the job waits for it: a demo lab half made would be left behind otherwise.

#include <QObject>
#include <QString>

class QThread;

namespace scr {

class DemoLabJob final : public QObject
{
    Q_OBJECT
public:
    explicit DemoLabJob(const QString &labDir, QObject *parent = nullptr);
    ~DemoLabJob() override;

    const QString &labDir() const { return m_labDir; }
    void start();

Q_SIGNALS:
    // error: why the lab was not made (DemoLab's refusal), empty when it was.
    void finished(const QString &error);

private:
    QString m_labDir;
    QString m_error; // written on the job's thread, read after it ended
    QThread *m_thread = nullptr;
};

} // namespace scr
