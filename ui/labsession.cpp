#include "labsession.h"

#include "consolewindow.h"
#include "core/logging.h"
#include "directory/directory.h"
#include "client/demolabjob.h"
#include "client/locallabclient.h"

#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace scr {
namespace {

const QString kRecentKey = QStringLiteral("recentLabs");

} // namespace

LabSession::LabSession(ConsoleWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    connect(window, &ConsoleWindow::openLabRequested, this, [this](const QString &labDir) {
        if (Status opened = open(labDir); !opened)
            Q_EMIT failed(opened.error().toString());
    });
    connect(window, &ConsoleWindow::newDemoLabRequested, this, &LabSession::createDemo);
    connect(this, &LabSession::failed, window, &ConsoleWindow::showLabRefused);
}

LabSession::~LabSession()
{
    delete m_creating; // waits: a demo lab half made would be left behind otherwise
}

Status LabSession::open(const QString &labDir)
{
    const QString dir = QFileInfo(labDir).absoluteFilePath();
    if (!QFileInfo::exists(dir + QStringLiteral("/org.sqlite")))
        return Error{dir, QStringLiteral("is not a lab: it holds no org.sqlite"),
                     QStringLiteral("choose a lab folder, or make one with File > New Demo Lab")};
    SCR_TRY(Directory::validateFile(dir));
    SCR_TRY(logging::attachToLab(dir));
    switchTo(dir);
    return {};
}

void LabSession::createDemo(const QString &labDir)
{
    if (m_creating)
        return;
    m_creating = new DemoLabJob(QFileInfo(labDir).absoluteFilePath(), this);
    connect(m_creating, &DemoLabJob::finished, this, [this](const QString &error) {
        const QString dir = m_creating->labDir();
        m_creating->deleteLater();
        m_creating = nullptr;
        if (!error.isEmpty()) {
            Q_EMIT failed(error);
            return;
        }
        if (Status opened = open(dir); !opened)
            Q_EMIT failed(opened.error().toString());
    });
    m_creating->start();
}

void LabSession::switchTo(const QString &labDir)
{
    m_client.reset(); // the old lab is closed cleanly (and its lock released) before the new one opens
    m_labDir = labDir;
    m_client = std::make_unique<LocalLabClient>(labDir);
    connect(m_client.get(), &LabClient::opened, this, [this, labDir](bool ok, const QString &) {
        if (ok) {
            rememberLab(labDir);
            Q_EMIT labOpened(labDir);
        }
    });
    m_window->attach(m_client.get());
}

QStringList LabSession::recentLabs()
{
    return QSettings().value(kRecentKey).toStringList();
}

void LabSession::rememberLab(const QString &labDir)
{
    QSettings settings;
    QStringList labs = settings.value(kRecentKey).toStringList();
    labs.removeAll(labDir);
    labs.prepend(labDir);
    while (labs.size() > kMaxRecentLabs)
        labs.removeLast();
    settings.setValue(kRecentKey, labs);
}

} // namespace scr
