/**
 * @module A small support bot: the application under test. It knows nothing about Mocktopus;
 * it takes an OpenAI-shaped client, so tests can hand it the real SDK pointed at Mocktopus or
 * the in-process stub.
 */
import type OpenAI from 'openai'

/**
 * The part of the `openai` client the bot uses, typed structurally (arrays `readonly`) so that
 * both `new OpenAI()` and the Mocktopus stub fit it.
 */
export interface ChatClient {
  readonly chat: {
    readonly completions: {
      create(params: {
        model: string
        messages: OpenAI.Chat.ChatCompletionMessageParam[]
      }): Promise<{ readonly choices: readonly { message: { content: string | null } }[] }>
      create(params: {
        model: string
        messages: OpenAI.Chat.ChatCompletionMessageParam[]
        stream: true
      }): Promise<
        AsyncIterable<{ readonly choices: readonly { delta: { content?: string | null } }[] }>
      >
    }
  }
}

export type Category = 'billing' | 'bug' | 'other'

export interface Triage {
  readonly category: Category
  readonly urgent: boolean
}

const CATEGORIES: readonly Category[] = ['billing', 'bug', 'other']

export interface SupportBotOptions {
  readonly client: ChatClient
  readonly model?: string
}

/** What the bot says when the model is rate limited, instead of failing the user's request. */
export const BUSY_REPLY = 'We are busy right now; a human will get back to you shortly.'

/**
 * A bot that triages tickets (a JSON answer from the model) and drafts replies (streamed).
 *
 * @example
 * const bot = createSupportBot({ client: new OpenAI() })
 * await bot.triage('I was charged twice') // { category: 'billing', urgent: true }
 */
export function createSupportBot(options: SupportBotOptions) {
  const { client, model = 'gpt-4o-mini' } = options

  async function triage(ticket: string): Promise<Triage> {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        {
          role: 'system',
          content:
            'Classify the ticket. Answer JSON: {"category": billing|bug|other, "urgent": bool}',
        },
        { role: 'user', content: `Triage: ${ticket}` },
      ],
    })
    const text = completion.choices[0]?.message.content ?? ''
    try {
      const parsed = JSON.parse(text) as { category?: unknown; urgent?: unknown }
      const category = CATEGORIES.includes(parsed.category as Category)
        ? (parsed.category as Category)
        : 'other'
      return { category, urgent: parsed.urgent === true }
    } catch {
      // A model that answers prose instead of JSON must not break the ticket queue.
      return { category: 'other', urgent: false }
    }
  }

  async function draftReply(ticket: string, onText?: (text: string) => void): Promise<string> {
    try {
      const stream = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: `Reply to: ${ticket}` }],
        stream: true,
      })
      let reply = ''
      for await (const chunk of stream) {
        const piece = chunk.choices[0]?.delta.content ?? ''
        reply += piece
        if (piece) onText?.(piece)
      }
      return reply
    } catch (error) {
      if ((error as { status?: number }).status === 429) return BUSY_REPLY
      throw error
    }
  }

  return { triage, draftReply }
}

export type SupportBot = ReturnType<typeof createSupportBot>
