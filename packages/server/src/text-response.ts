/**
 * A Web `Response` whose whole body we made ourselves and still hold as text: a recorded
 * upstream's JSON answer, passed on. Any transport can send it as a `Response`; the Node server
 * writes `bodyText` in the same write as the headers, instead of reading the body stream back
 * chunk by chunk after a write of the headers alone (two syscalls, and a stream read per answer).
 */
export class TextResponse extends Response {
  /** The body, as given. */
  readonly bodyText: string

  constructor(text: string, init: ResponseInit) {
    super(text, init)
    this.bodyText = text
  }
}
