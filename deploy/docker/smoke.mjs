// The image's smoke test (.github/workflows/docker.yml): the openai SDK against a running
// container serving deploy/docker/smoke.yaml, through the published port and through a name
// that is not a loopback name (as a compose service or a Kubernetes Service reaches it).
//
//   node smoke.mjs http://127.0.0.1:8080 [http://mocktopus:8080]
import OpenAI from 'openai'

const origins = process.argv.slice(2)
if (origins.length === 0) throw new Error('usage: node smoke.mjs ORIGIN...')
for (const origin of origins) {
  const openai = new OpenAI({ apiKey: 'test', baseURL: `${origin}/v1`, maxRetries: 0 })
  const reply = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'ping' }],
  })
  const content = reply.choices[0]?.message.content
  if (content !== 'pong from the container') {
    throw new Error(
      `${origin}: expected the mounted scenario's answer, got ${JSON.stringify(content)}`,
    )
  }
  console.log(`${origin}: ${content}`)
}
