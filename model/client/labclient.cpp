#include "labclient.h"

namespace scr {

LabClient::LabClient(QObject *parent) : QObject(parent) {}

LabClient::~LabClient() = default;

} // namespace scr
