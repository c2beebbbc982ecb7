public import CherryInteropCore
import CherryKit
import Foundation

/// Does what `cherry` asks of `cherry-interop` (DESIGN §1.7).
///
/// It reads a source into providers, or writes providers in a format. It changes no
/// session: the shell merges what is read and writes what is exported.
public enum InteropService {
  /// Handles one request.
  ///
  /// - Parameter request: The request.
  /// - Returns: The answer; a failure rather than a thrown error.
  public static func handle(_ request: InteropRequest) -> InteropResponse {
    guard request.version == InteropRequest.currentVersion else {
      return .failed(
        InteropFailure(
          "cherry and cherry-interop do not match (messages version \(request.version) against \(InteropRequest.currentVersion))",
          fix: ["install both from the same build"]))
    }
    do {
      switch request.task {
      case .read(let source):
        return .imported(try read(source))
      case .write(let job):
        return .exported(try write(job))
      }
    } catch {
      return .failed(error)
    }
  }

  /// Handles one request given as JSON, the executable's whole job.
  ///
  /// - Parameter input: The request's JSON.
  /// - Returns: The answer's JSON.
  public static func handle(json input: [UInt8]) -> [UInt8] {
    let response: InteropResponse
    do {
      response = handle(try JSONDecoder().decode(InteropRequest.self, from: Data(input)))
    } catch {
      response = .failed(
        InteropFailure(
          "cherry-interop could not read its request: \(error)",
          fix: ["install cherry and cherry-interop from the same build"]))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return [UInt8]((try? encoder.encode(response)) ?? Data())
  }

  private static func read(_ source: ImportSource) throws(InteropFailure) -> ImportedSource {
    switch source {
    case .deepLink(let link): return try DeepLink.read(link)
    case .cherryStudio(let path): return try CherryStudioBackup.read(path)
    case .litellm(let path): return try LiteLLMImport.read(path)
    }
  }

  private static func write(_ job: ExportJob) throws(InteropFailure) -> ExportedText {
    switch job.format {
    case .litellm: return try LiteLLMExport.write(job.providers)
    case .llm: return try LLMExport.write(job.providers)
    case .aichat: return try AichatExport.write(job.providers)
    case .env: return try EnvExport.write(try single(job), flavour: job.flavour)
    case .cherryStudio:
      let provider = try single(job)
      guard !provider.keys.isEmpty else {
        throw InteropFailure(
          "\(provider.id) has no key, and a Cherry Studio link must carry one",
          fix: ["set one first: key <key>"])
      }
      var notes = ["the link holds the key itself: share it only with people who may use the key"]
      if provider.apiVersion != nil {
        notes.append("the link cannot carry the api-version: set it in the app by hand")
      }
      return ExportedText(
        text: DeepLink.write(provider) + "\n", variables: [], notes: notes, holdsKey: true)
    }
  }

  private static func single(_ job: ExportJob) throws(InteropFailure) -> Provider {
    guard job.providers.count == 1, let provider = job.providers.first else {
      throw InteropFailure("export \(job.format.rawValue) writes one provider")
    }
    return provider
  }
}
