#pragma once
// LabSession: which lab the console has open, and its LabClient. Opening another lab (File > Open Lab...,
// New Demo Lab..., a recent lab) checks it first and keeps the open one when it is refused; a new demo lab
// is made off the GUI thread; then the old client closes its lab cleanly and a new client opens the new one,
// attached to the window. Every lab opened is remembered in the recent-labs list (QSettings).

#include "core/result.h"

#include <memory>

#include <QObject>
#include <QStringList>

namespace scr {

class ConsoleWindow;
class DemoLabJob;
class LabClient;

class LabSession final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRecentLabs = 8;

    explicit LabSession(ConsoleWindow *window, QObject *parent = nullptr);
    ~LabSession() override;

    // An existing lab: refused (and nothing changes) unless labDir holds a valid directory (org.sqlite).
    Status open(const QString &labDir);
    // A new demo lab in labDir (which must not exist or be empty), made on a thread of its own; created()
    // or failed() says how it went, and on success the lab is opened.
    void createDemo(const QString &labDir);
    QString labDir() const { return m_labDir; }
    bool busy() const { return m_creating != nullptr; }
    // The open lab's client (null before the first lab).
    LabClient *client() const { return m_client.get(); }

    static QStringList recentLabs();
    static void rememberLab(const QString &labDir);

Q_SIGNALS:
    void labOpened(const QString &labDir);
    void failed(const QString &error);

private:
    void switchTo(const QString &labDir);

    ConsoleWindow *m_window;
    std::unique_ptr<LabClient> m_client;
    DemoLabJob *m_creating = nullptr;
    QString m_labDir;
};

} // namespace scr
