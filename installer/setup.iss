; Inno Setup script for the Windows installer. Build the PyInstaller bundle first
; (dist\engagement-desk), then: iscc installer\setup.iss
; Installs per user (no administrator rights needed in a town-hall office).

#define AppName "Engagement Desk"
#define AppVersion GetEnv("ENGAGEMENT_DESK_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E3F52-3B7A-4D55-9B0E-6C2B7A8E4D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Freiwilligenagentur
DefaultDirName={localappdata}\Programs\Engagement Desk
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=engagement-desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\engagement-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\engagement-desk.exe"
Name: "{group}\{#AppName} (Demo)"; Filename: "{app}\engagement-desk.exe"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\engagement-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\engagement-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
