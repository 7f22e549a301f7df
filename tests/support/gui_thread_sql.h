#pragma once
// The SQL statements run on the GUI thread while watched. A store read there blocks the
// event loop for as long as the store is busy, whatever the machine's load; counting the
// statements says so exactly, where a timed stall bound (StallWatch) can only be generous.
// install() once, before the first connection is opened (initTestCase): every connection
// opened afterwards reports its statements here.
#include <sqlite3.h>

#include <QCoreApplication>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <mutex>

namespace pstest {

class GuiThreadSql {
 public:
  static void install() {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the API's own signature
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&traceConnection));
  }
  GuiThreadSql() {
    const std::lock_guard<std::mutex> lock(state().mutex);
    state().seen.clear();
    state().watching = true;
  }
  ~GuiThreadSql() { state().watching = false; }
  GuiThreadSql(const GuiThreadSql&) = delete;
  GuiThreadSql& operator=(const GuiThreadSql&) = delete;
  QStringList statements() const {  // so far
    const std::lock_guard<std::mutex> lock(state().mutex);
    return state().seen;
  }

 private:
  struct State {
    std::atomic<bool> watching{false};
    std::mutex mutex;
    QStringList seen;
  };
  static State& state() {
    static State s;
    return s;
  }
  static int traceConnection(sqlite3* db, const char**, const sqlite3_api_routines*) {
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &onStatement, nullptr);
    return SQLITE_OK;
  }
  static int onStatement(unsigned, void*, void* stmt, void*) {
    const QCoreApplication* app = QCoreApplication::instance();
    if (!state().watching || !app || QThread::currentThread() != app->thread()) return 0;
    const std::lock_guard<std::mutex> lock(state().mutex);
    state().seen << QString::fromUtf8(sqlite3_sql(static_cast<sqlite3_stmt*>(stmt)));
    return 0;
  }
};

}  // namespace pstest
