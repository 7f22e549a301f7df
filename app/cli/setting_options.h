#pragma once
// Command-line options made from the settings' declarations (util/setting_spec.h): the
// option's name (--prefix + name), its help (with unit and range) and the default it
// shows all come from the one declaration, as the GUI's form fields do. The values are
// checked by the configuration's validate(), against the same declaration.
#include <CLI/CLI.hpp>
#include <string>

#include "model/device_choice.h"
#include "util/errors.h"
#include "util/named_enum.h"
#include "util/setting_spec.h"

namespace ps {

// A number, or text (a model, a list): --prefix<name>.
template <typename T>
CLI::Option* addSetting(CLI::App* cmd, const SettingSpec& s, T& target, const std::string& prefix = "") {
  return cmd->add_option("--" + prefix + s.name, target, settingHelp(s))->default_str(s.defaultText());
}

// A switch: --prefix<name> turns it on when it is off by default, --prefix no-<name> turns it
// off when it is on by default. `help` words the flag (the declaration's help words the setting).
CLI::Option* addSwitch(CLI::App* cmd, const SettingSpec& s, bool& target, const std::string& help,
                       const std::string& prefix = "");

// One of an enum's names (see addEnumOption in cli/cli_command.h).
template <typename E>
CLI::Option* addChoice(CLI::App* cmd, const SettingSpec& s, E& target, const NameTable<E>& names,
                       const std::string& prefix = "") {
  const std::string name = "--" + prefix + s.name;
  return cmd
      ->add_option_function<std::string>(
          name,
          [&target, &names, name](const std::string& v) {
            try {
              target = parseEnum(names, v, name.substr(2));
            } catch (const ConfigError& e) {
              throw CLI::ValidationError(name, e.what());
            }
          },
          std::string(s.help) + " (" + enumChoices(names) + ")")
      ->default_str(s.defaultText());
}

// --device: parsed where the options are (a usage error naming the value otherwise),
// into a DeviceChoice or its text.
CLI::Option* addDevice(CLI::App* cmd, const SettingSpec& s, DeviceChoice& target);
CLI::Option* addDevice(CLI::App* cmd, const SettingSpec& s, std::string& target);

}  // namespace ps
