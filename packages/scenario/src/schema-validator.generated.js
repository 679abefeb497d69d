// Generated from scenarioSchema (schema.ts) by ajv standalone; do not edit.
// After changing the schema, run `pnpm exec vitest run packages/scenario -u` to regenerate.
// biome-ignore-all format: generated
// biome-ignore-all lint: generated
// biome-ignore-all assist: generated
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://unpkg.com/@mocktopus/scenario/schema.json","title":"Mocktopus scenario","type":"object","additionalProperties":false,"required":["version","rules"],"properties":{"version":{"const":1,"description":"Schema version; only 1 exists."},"meta":{"type":"object","description":"Free-form information about the scenario."},"strict":{"type":"boolean","description":"Refuse with the provider's 400 what the real API refuses: unknown body fields, a tool result without its call, Anthropic turns out of order."},"pricing":{"type":"object","description":"Per-model prices (USD per 1M tokens), keyed by model id or family.","additionalProperties":{"type":"object","additionalProperties":false,"required":["input"],"properties":{"input":{"type":"number","minimum":0,"description":"USD per 1M input tokens."},"output":{"type":"number","minimum":0,"description":"USD per 1M output tokens."},"cached_input":{"type":"number","minimum":0,"description":"USD per 1M cached input tokens."}}}},"rules":{"type":"array","description":"Rules, tried in order.","items":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["llm.openai","llm.anthropic","llm.gemini","llm.ollama","llm","embeddings"],"description":"Which endpoints the rule answers."},"when":{"type":["object","null"],"description":"Conditions, all of which must hold. Empty or absent: every request the type answers.","additionalProperties":false,"properties":{"model":{"type":"string","description":"Glob over the model id: * any run of characters (also /), ? one, [...] a class."},"messages_contains":{"type":"string","description":"Case-sensitive substring of the last user message (embeddings: of any input)."},"input_contains":{"type":"string","description":"Alias of messages_contains, for embeddings rules."},"messages_regex":{"type":"string","description":"Regular expression over all messages joined by a space (embeddings: any input); flags i, m, s. Python syntax, matched in linear time by RE2: no back-references or lookaround."},"input_regex":{"type":"string","description":"Alias of messages_regex, for embeddings rules."},"endpoint":{"type":"string","description":"Request path, exact or glob, e.g. /v1/chat/completions or /v1/*."},"ignore_case":{"type":"boolean","description":"Makes messages_contains case-insensitive."},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."},"conversation":{"type":"array","description":"The whole conversation, exactly: every message role and text, in order.","items":{"type":"object","additionalProperties":false,"required":["role","content"],"properties":{"role":{"type":"string"},"content":{"type":"string"}}}},"input":{"type":"array","description":"Embeddings: the inputs, exactly and in order.","items":{"type":"string"}},"last_role":{"type":"string","enum":["user","assistant","tool"],"description":"Role of the last message. A tool result counts as tool on every API: chat role tool, Responses function_call_output, Anthropic tool_result blocks."},"has_tool_result":{"type":"boolean","description":"Whether the conversation holds a tool result (true) or none (false)."},"tool_result_contains":{"type":"string","description":"Case-sensitive substring of the latest tool result's text."},"tool_call_id":{"type":"string","description":"The call id the latest tool result answers, e.g. call_1."},"tools_offered":{"type":["string","array"],"items":{"type":"string"},"minItems":1,"description":"A tool name, or a list of names, that the request must all offer."},"system_contains":{"type":"string","description":"Case-sensitive substring of the system prompt (system and developer messages, Responses instructions, Anthropic system)."},"turn":{"type":"integer","minimum":0,"description":"How many assistant turns came before this request: 0 on the first call."},"tools":{"type":"array","items":{"type":"string"},"description":"The names of the tools the request offers, exactly (order ignored; [] for none). Written by record mode with --match-on tools."},"params":{"type":"object","description":"The request sampling and output parameters, exactly: temperature, top_p, top_k, max_tokens, max_completion_tokens, max_output_tokens, seed, stop, stop_sequences, n, presence_penalty, frequency_penalty, logit_bias, logprobs, top_logprobs, response_format, text, tool_choice, parallel_tool_calls, reasoning_effort, reasoning, thinking, verbosity, dimensions, generationConfig, toolConfig, options, format. The same names with equal values, and no other. Written by record mode with --match-on params."}}},"respond":{"type":["object","array"],"description":"The successful response, or a list of responses: use N of the rule answers with item N, the last one repeating (or, with cycle, starting over).","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The assistant text (null: none)."},"json":{"description":"Any JSON value, sent serialised as the content; checked against the schema the request asks for."},"refusal":{"type":"string","description":"The model declines with this text, in the provider refusal shape."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"usage":{"type":"object","additionalProperties":false,"properties":{"input_tokens":{"type":"integer","minimum":0,"description":"Prompt tokens reported."},"output_tokens":{"type":"integer","minimum":0,"description":"Completion tokens reported."},"total_tokens":{"type":"integer","minimum":0,"description":"Total tokens reported."}}},"embeddings":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["embedding"],"properties":{"embedding":{"type":"array","items":{"type":"number"}}}}},"finish_reason":{"type":"string","description":"Why generation stopped, e.g. stop, length, tool_calls."},"choices":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The choice's text (null: none)."},"refusal":{"type":"string","description":"The choice declines with this text."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"finish_reason":{"type":"string","description":"Why the choice stopped, e.g. stop, length, tool_calls."}}},"description":"Chat and legacy completions asked for several choices (n > 1, or several prompts): choice N is item N (its content, tool_calls, finish_reason); a choice past the list is the answer above. Written by record mode."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the response starts, 0 to 600000 milliseconds (10 minutes)."},"chunk_size":{"type":"integer","minimum":1,"description":"Characters per stream chunk."},"chunk_delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait between stream chunks, 0 to 600000 milliseconds (10 minutes)."},"chunk_delays_ms":{"type":"array","maxItems":10000,"items":{"type":"integer","minimum":0,"maximum":600000,"description":"A wait before one stream chunk, 0 to 600000 milliseconds (10 minutes)."},"description":"Streams: the waits before the second chunk, the third, ... in turn (record mode writes the upstream's own); past the list, chunk_delay_ms (or tokens_per_second)."},"ttft_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: wait before the first chunk, 0 to 600000 milliseconds (10 minutes)."},"tokens_per_second":{"type":"number","exclusiveMinimum":0,"description":"Streams: pace the chunks at this many tokens a second."},"jitter_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: a seeded extra wait before each chunk, 0 to 600000 milliseconds (10 minutes)."},"id":{"type":"string","description":"Response id; generated deterministically when absent."},"images":{"description":"Accepted for compatibility; not sent."},"audio_url":{"type":"string","description":"Accepted for compatibility; not sent."},"metadata":{"type":"object","description":"Accepted for compatibility; not sent."},"stream":{"type":"boolean","description":"Accepted for compatibility and ignored: the request decides whether to stream."}},"items":{"type":"object","description":"The successful response.","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The assistant text (null: none)."},"json":{"description":"Any JSON value, sent serialised as the content; checked against the schema the request asks for."},"refusal":{"type":"string","description":"The model declines with this text, in the provider refusal shape."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"usage":{"type":"object","additionalProperties":false,"properties":{"input_tokens":{"type":"integer","minimum":0,"description":"Prompt tokens reported."},"output_tokens":{"type":"integer","minimum":0,"description":"Completion tokens reported."},"total_tokens":{"type":"integer","minimum":0,"description":"Total tokens reported."}}},"embeddings":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["embedding"],"properties":{"embedding":{"type":"array","items":{"type":"number"}}}}},"finish_reason":{"type":"string","description":"Why generation stopped, e.g. stop, length, tool_calls."},"choices":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The choice's text (null: none)."},"refusal":{"type":"string","description":"The choice declines with this text."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"finish_reason":{"type":"string","description":"Why the choice stopped, e.g. stop, length, tool_calls."}}},"description":"Chat and legacy completions asked for several choices (n > 1, or several prompts): choice N is item N (its content, tool_calls, finish_reason); a choice past the list is the answer above. Written by record mode."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the response starts, 0 to 600000 milliseconds (10 minutes)."},"chunk_size":{"type":"integer","minimum":1,"description":"Characters per stream chunk."},"chunk_delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait between stream chunks, 0 to 600000 milliseconds (10 minutes)."},"chunk_delays_ms":{"type":"array","maxItems":10000,"items":{"type":"integer","minimum":0,"maximum":600000,"description":"A wait before one stream chunk, 0 to 600000 milliseconds (10 minutes)."},"description":"Streams: the waits before the second chunk, the third, ... in turn (record mode writes the upstream's own); past the list, chunk_delay_ms (or tokens_per_second)."},"ttft_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: wait before the first chunk, 0 to 600000 milliseconds (10 minutes)."},"tokens_per_second":{"type":"number","exclusiveMinimum":0,"description":"Streams: pace the chunks at this many tokens a second."},"jitter_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: a seeded extra wait before each chunk, 0 to 600000 milliseconds (10 minutes)."},"id":{"type":"string","description":"Response id; generated deterministically when absent."},"images":{"description":"Accepted for compatibility; not sent."},"audio_url":{"type":"string","description":"Accepted for compatibility; not sent."},"metadata":{"type":"object","description":"Accepted for compatibility; not sent."},"stream":{"type":"boolean","description":"Accepted for compatibility and ignored: the request decides whether to stream."}}},"minItems":1},"error":{"type":"object","description":"An error response in the provider envelope.","additionalProperties":false,"required":["error_type"],"properties":{"error_type":{"type":"string","enum":["rate_limit","authentication","invalid_request","timeout","content_filter","server_error"]},"message":{"type":"string","description":"Error message."},"status_code":{"type":"integer","minimum":400,"maximum":599,"description":"HTTP status."},"code":{"type":"string","description":"Provider error code, e.g. rate_limit_exceeded."},"param":{"type":"string","description":"The request parameter at fault."},"retry_after":{"type":"number","minimum":0,"maximum":86400,"description":"Retry-After header, 0 to 86400 seconds (1 day)."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the error, 0 to 600000 milliseconds (10 minutes)."}}},"chaos":{"type":"object","description":"Seeded faults for this rule (docs/chaos.md).","additionalProperties":false,"properties":{"rate_limit":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a 429 with retry-after."},"server_error":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a 500 or 503 (Anthropic: 500 or 529)."},"disconnect":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a cut connection (a stream: after some chunks)."},"malformed":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a truncated JSON body with status 200."},"disconnect_after_chunks":{"type":"integer","minimum":0,"description":"Cut every stream of the rule after this many chunks."},"stall_after_chunks":{"type":"integer","minimum":0,"description":"Stall every stream of the rule after this many chunks, for stall_ms."},"stall_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"How long a stall lasts, 0 to 600000 milliseconds (10 minutes)."}}},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."},"cycle":{"type":"boolean","description":"With a list under respond: after the last item, start over at the first (default false: the last repeats)."},"recorded":{"type":"object","description":"Written by record mode for mocktopus drift: what the request sent beyond when, and the shape of the upstream answer. Not used to match or answer.","additionalProperties":false,"properties":{"request":{"type":"object","description":"The request body fields that when does not give (stream, max_tokens, tools, ...); with the conversation too when when cannot rebuild it."},"query":{"type":"string","description":"The query string the request was sent with, e.g. alt=sse."},"shape":{"type":"string","description":"The shape of the upstream answer (or of its stream events): field paths, types and enum values, separated by spaces."}}}},"oneOf":[{"required":["respond"]},{"required":["error"]}]}}}};
const func2 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://unpkg.com/@mocktopus/scenario/schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.rules === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "version") || (key0 === "meta")) || (key0 === "strict")) || (key0 === "pricing")) || (key0 === "rules"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.meta !== undefined){
let data1 = data.meta;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err4 = {instancePath:instancePath+"/meta",schemaPath:"#/properties/meta/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.meta.type,parentSchema:schema11.properties.meta,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.strict !== undefined){
let data2 = data.strict;
if(typeof data2 !== "boolean"){
const err5 = {instancePath:instancePath+"/strict",schemaPath:"#/properties/strict/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.strict.type,parentSchema:schema11.properties.strict,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.pricing !== undefined){
let data3 = data.pricing;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.input === undefined){
const err6 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema11.properties.pricing.additionalProperties.required,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key2 in data4){
if(!(((key2 === "input") || (key2 === "output")) || (key2 === "cached_input"))){
const err7 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data4.input !== undefined){
let data5 = data4.input;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err8 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.output !== undefined){
let data6 = data4.output;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.output.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.cached_input !== undefined){
let data7 = data4.cached_input;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err12 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.cached_input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.additionalProperties.type,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/pricing",schemaPath:"#/properties/pricing/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.type,parentSchema:schema11.properties.pricing,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.rules !== undefined){
let data8 = data.rules;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
const _errs23 = errors;
let valid5 = false;
let passing0 = null;
const _errs24 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.respond === undefined){
const err16 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/0/required",keyword:"required",params:{missingProperty: "respond"},message:"must have required property '"+"respond"+"'",schema:schema11.properties.rules.items.oneOf[0].required,parentSchema:schema11.properties.rules.items.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid0 = _errs24 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs25 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.error === undefined){
const err17 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/1/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema11.properties.rules.items.oneOf[1].required,parentSchema:schema11.properties.rules.items.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var _valid0 = _errs25 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
}
if(!valid5){
const err18 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.rules.items.oneOf,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.type === undefined){
const err19 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
for(const key3 in data9){
if(!((((((((key3 === "type") || (key3 === "when")) || (key3 === "respond")) || (key3 === "error")) || (key3 === "chaos")) || (key3 === "times")) || (key3 === "cycle")) || (key3 === "recorded"))){
const err20 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.type !== undefined){
let data10 = data9.type;
if(typeof data10 !== "string"){
const err21 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.type,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!((((((data10 === "llm.openai") || (data10 === "llm.anthropic")) || (data10 === "llm.gemini")) || (data10 === "llm.ollama")) || (data10 === "llm")) || (data10 === "embeddings"))){
const err22 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.type,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data9.when !== undefined){
let data11 = data9.when;
if((!(data11 && typeof data11 == "object" && !Array.isArray(data11))) && (data11 !== null)){
const err23 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.type},message:"must be object,null",schema:schema11.properties.rules.items.properties.when.type,parentSchema:schema11.properties.rules.items.properties.when,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key4 in data11){
if(!(func2.call(schema11.properties.rules.items.properties.when.properties, key4))){
const err24 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data11.model !== undefined){
let data12 = data11.model;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/rules/" + i0+"/when/model",schemaPath:"#/properties/rules/items/properties/when/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.model.type,parentSchema:schema11.properties.rules.items.properties.when.properties.model,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data11.messages_contains !== undefined){
let data13 = data11.messages_contains;
if(typeof data13 !== "string"){
const err26 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_contains",schemaPath:"#/properties/rules/items/properties/when/properties/messages_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_contains,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data11.input_contains !== undefined){
let data14 = data11.input_contains;
if(typeof data14 !== "string"){
const err27 = {instancePath:instancePath+"/rules/" + i0+"/when/input_contains",schemaPath:"#/properties/rules/items/properties/when/properties/input_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_contains,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data11.messages_regex !== undefined){
let data15 = data11.messages_regex;
if(typeof data15 !== "string"){
const err28 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_regex",schemaPath:"#/properties/rules/items/properties/when/properties/messages_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_regex,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data11.input_regex !== undefined){
let data16 = data11.input_regex;
if(typeof data16 !== "string"){
const err29 = {instancePath:instancePath+"/rules/" + i0+"/when/input_regex",schemaPath:"#/properties/rules/items/properties/when/properties/input_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_regex,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data11.endpoint !== undefined){
let data17 = data11.endpoint;
if(typeof data17 !== "string"){
const err30 = {instancePath:instancePath+"/rules/" + i0+"/when/endpoint",schemaPath:"#/properties/rules/items/properties/when/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.endpoint.type,parentSchema:schema11.properties.rules.items.properties.when.properties.endpoint,data:data17};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data11.ignore_case !== undefined){
let data18 = data11.ignore_case;
if(typeof data18 !== "boolean"){
const err31 = {instancePath:instancePath+"/rules/" + i0+"/when/ignore_case",schemaPath:"#/properties/rules/items/properties/when/properties/ignore_case/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.when.properties.ignore_case.type,parentSchema:schema11.properties.rules.items.properties.when.properties.ignore_case,data:data18};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.times !== undefined){
let data19 = data11.times;
if((!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))) && (data19 !== null)){
const err32 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.when.properties.times.type,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data19};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
const err33 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
if(data11.conversation !== undefined){
let data20 = data11.conversation;
if(Array.isArray(data20)){
const len1 = data20.length;
for(let i1=0; i1<len1; i1++){
let data21 = data20[i1];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.role === undefined){
const err34 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data21.content === undefined){
const err35 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key5 in data21){
if(!((key5 === "role") || (key5 === "content"))){
const err36 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data21.role !== undefined){
let data22 = data21.role;
if(typeof data22 !== "string"){
const err37 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/role",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role,data:data22};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data21.content !== undefined){
let data23 = data21.content;
if(typeof data23 !== "string"){
const err38 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/content",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content,data:data23};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.conversation.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation,data:data20};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data11.input !== undefined){
let data24 = data11.input;
if(Array.isArray(data24)){
const len2 = data24.length;
for(let i2=0; i2<len2; i2++){
let data25 = data24[i2];
if(typeof data25 !== "string"){
const err41 = {instancePath:instancePath+"/rules/" + i0+"/when/input/" + i2,schemaPath:"#/properties/rules/items/properties/when/properties/input/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input.items,data:data25};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/rules/" + i0+"/when/input",schemaPath:"#/properties/rules/items/properties/when/properties/input/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.input.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input,data:data24};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data11.last_role !== undefined){
let data26 = data11.last_role;
if(typeof data26 !== "string"){
const err43 = {instancePath:instancePath+"/rules/" + i0+"/when/last_role",schemaPath:"#/properties/rules/items/properties/when/properties/last_role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.last_role.type,parentSchema:schema11.properties.rules.items.properties.when.properties.last_role,data:data26};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(!(((data26 === "user") || (data26 === "assistant")) || (data26 === "tool"))){
const err44 = {instancePath:instancePath+"/rules/" + i0+"/when/last_role",schemaPath:"#/properties/rules/items/properties/when/properties/last_role/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.when.properties.last_role.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.when.properties.last_role.enum,parentSchema:schema11.properties.rules.items.properties.when.properties.last_role,data:data26};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data11.has_tool_result !== undefined){
let data27 = data11.has_tool_result;
if(typeof data27 !== "boolean"){
const err45 = {instancePath:instancePath+"/rules/" + i0+"/when/has_tool_result",schemaPath:"#/properties/rules/items/properties/when/properties/has_tool_result/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.when.properties.has_tool_result.type,parentSchema:schema11.properties.rules.items.properties.when.properties.has_tool_result,data:data27};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data11.tool_result_contains !== undefined){
let data28 = data11.tool_result_contains;
if(typeof data28 !== "string"){
const err46 = {instancePath:instancePath+"/rules/" + i0+"/when/tool_result_contains",schemaPath:"#/properties/rules/items/properties/when/properties/tool_result_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tool_result_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tool_result_contains,data:data28};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data11.tool_call_id !== undefined){
let data29 = data11.tool_call_id;
if(typeof data29 !== "string"){
const err47 = {instancePath:instancePath+"/rules/" + i0+"/when/tool_call_id",schemaPath:"#/properties/rules/items/properties/when/properties/tool_call_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tool_call_id.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tool_call_id,data:data29};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data11.tools_offered !== undefined){
let data30 = data11.tools_offered;
if((typeof data30 !== "string") && (!(Array.isArray(data30)))){
const err48 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered",schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.properties.tools_offered.type},message:"must be string,array",schema:schema11.properties.rules.items.properties.when.properties.tools_offered.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered,data:data30};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(Array.isArray(data30)){
if(data30.length < 1){
const err49 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered",schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered,data:data30};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
let data31 = data30[i3];
if(typeof data31 !== "string"){
const err50 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered/" + i3,schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tools_offered.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered.items,data:data31};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
}
if(data11.system_contains !== undefined){
let data32 = data11.system_contains;
if(typeof data32 !== "string"){
const err51 = {instancePath:instancePath+"/rules/" + i0+"/when/system_contains",schemaPath:"#/properties/rules/items/properties/when/properties/system_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.system_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.system_contains,data:data32};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data11.turn !== undefined){
let data33 = data11.turn;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err52 = {instancePath:instancePath+"/rules/" + i0+"/when/turn",schemaPath:"#/properties/rules/items/properties/when/properties/turn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.when.properties.turn.type,parentSchema:schema11.properties.rules.items.properties.when.properties.turn,data:data33};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 0 || isNaN(data33)){
const err53 = {instancePath:instancePath+"/rules/" + i0+"/when/turn",schemaPath:"#/properties/rules/items/properties/when/properties/turn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.when.properties.turn,data:data33};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
if(data11.tools !== undefined){
let data34 = data11.tools;
if(Array.isArray(data34)){
const len4 = data34.length;
for(let i4=0; i4<len4; i4++){
let data35 = data34[i4];
if(typeof data35 !== "string"){
const err54 = {instancePath:instancePath+"/rules/" + i0+"/when/tools/" + i4,schemaPath:"#/properties/rules/items/properties/when/properties/tools/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tools.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools.items,data:data35};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/rules/" + i0+"/when/tools",schemaPath:"#/properties/rules/items/properties/when/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.tools.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools,data:data34};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data11.params !== undefined){
let data36 = data11.params;
if(!(data36 && typeof data36 == "object" && !Array.isArray(data36))){
const err56 = {instancePath:instancePath+"/rules/" + i0+"/when/params",schemaPath:"#/properties/rules/items/properties/when/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.when.properties.params.type,parentSchema:schema11.properties.rules.items.properties.when.properties.params,data:data36};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
}
if(data9.respond !== undefined){
let data37 = data9.respond;
if(!data37 || typeof data37 != "object"){
const err57 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.type},message:"must be object,array",schema:schema11.properties.rules.items.properties.respond.type,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(Array.isArray(data37)){
if(data37.length < 1){
const err58 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
const len5 = data37.length;
for(let i5=0; i5<len5; i5++){
let data38 = data37[i5];
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key6 in data38){
if(!(func2.call(schema11.properties.rules.items.properties.respond.items.properties, key6))){
const err59 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5,schemaPath:"#/properties/rules/items/properties/respond/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items,data:data38};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data38.content !== undefined){
let data39 = data38.content;
if((typeof data39 !== "string") && (data39 !== null)){
const err60 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/content",schemaPath:"#/properties/rules/items/properties/respond/items/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.content,data:data39};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data38.refusal !== undefined){
let data40 = data38.refusal;
if(typeof data40 !== "string"){
const err61 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/refusal",schemaPath:"#/properties/rules/items/properties/respond/items/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.refusal,data:data40};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data38.tool_calls !== undefined){
let data41 = data38.tool_calls;
if(Array.isArray(data41)){
const len6 = data41.length;
for(let i6=0; i6<len6; i6++){
let data42 = data41[i6];
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.function === undefined){
const err62 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
for(const key7 in data42){
if(!(((key7 === "id") || (key7 === "type")) || (key7 === "function"))){
const err63 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data42.id !== undefined){
let data43 = data42.id;
if(typeof data43 !== "string"){
const err64 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/id",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.id,data:data43};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data42.type !== undefined){
let data44 = data42.type;
if(typeof data44 !== "string"){
const err65 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type,data:data44};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(!(data44 === "function")){
const err66 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type,data:data44};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data42.function !== undefined){
let data45 = data42.function;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
if(data45.name === undefined){
const err67 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key8 in data45){
if(!((key8 === "name") || (key8 === "arguments"))){
const err68 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data45.name !== undefined){
let data46 = data45.name;
if(typeof data46 !== "string"){
const err69 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.name,data:data46};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data45.arguments !== undefined){
let data47 = data45.arguments;
if((typeof data47 !== "string") && (!(data47 && typeof data47 == "object" && !Array.isArray(data47)))){
const err70 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments,data:data47};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls,data:data41};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data38.usage !== undefined){
let data48 = data38.usage;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
for(const key9 in data48){
if(!(((key9 === "input_tokens") || (key9 === "output_tokens")) || (key9 === "total_tokens"))){
const err74 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage,data:data48};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data48.input_tokens !== undefined){
let data49 = data48.input_tokens;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err75 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens,data:data49};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 0 || isNaN(data49)){
const err76 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens,data:data49};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
if(data48.output_tokens !== undefined){
let data50 = data48.output_tokens;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
const err77 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens,data:data50};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 0 || isNaN(data50)){
const err78 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens,data:data50};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
if(data48.total_tokens !== undefined){
let data51 = data48.total_tokens;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err79 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens,data:data51};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 0 || isNaN(data51)){
const err80 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens,data:data51};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
}
else {
const err81 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage,data:data48};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data38.embeddings !== undefined){
let data52 = data38.embeddings;
if(Array.isArray(data52)){
const len7 = data52.length;
for(let i7=0; i7<len7; i7++){
let data53 = data52[i7];
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
if(data53.embedding === undefined){
const err82 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key10 in data53){
if(!(key10 === "embedding")){
const err83 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data53.embedding !== undefined){
let data54 = data53.embedding;
if(Array.isArray(data54)){
const len8 = data54.length;
for(let i8=0; i8<len8; i8++){
let data55 = data54[i8];
if(!((typeof data55 == "number") && (isFinite(data55)))){
const err84 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7+"/embedding/" + i8,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.items,data:data55};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
else {
const err85 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7+"/embedding",schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/properties/embedding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding,data:data54};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
}
else {
const err86 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings",schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings,data:data52};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data38.finish_reason !== undefined){
let data56 = data38.finish_reason;
if(typeof data56 !== "string"){
const err88 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/items/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.finish_reason,data:data56};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data38.choices !== undefined){
let data57 = data38.choices;
if(Array.isArray(data57)){
if(data57.length < 1){
const err89 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices,data:data57};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
const len9 = data57.length;
for(let i9=0; i9<len9; i9++){
let data58 = data57[i9];
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
for(const key11 in data58){
if(!((((key11 === "content") || (key11 === "refusal")) || (key11 === "tool_calls")) || (key11 === "finish_reason"))){
const err90 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9,schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items,data:data58};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data58.content !== undefined){
let data59 = data58.content;
if((typeof data59 !== "string") && (data59 !== null)){
const err91 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/content",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.content,data:data59};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data58.refusal !== undefined){
let data60 = data58.refusal;
if(typeof data60 !== "string"){
const err92 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/refusal",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.refusal,data:data60};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data58.tool_calls !== undefined){
let data61 = data58.tool_calls;
if(Array.isArray(data61)){
const len10 = data61.length;
for(let i10=0; i10<len10; i10++){
let data62 = data61[i10];
if(data62 && typeof data62 == "object" && !Array.isArray(data62)){
if(data62.function === undefined){
const err93 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10,schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items,data:data62};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
for(const key12 in data62){
if(!(((key12 === "id") || (key12 === "type")) || (key12 === "function"))){
const err94 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10,schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items,data:data62};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data62.id !== undefined){
let data63 = data62.id;
if(typeof data63 !== "string"){
const err95 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/id",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.id,data:data63};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data62.type !== undefined){
let data64 = data62.type;
if(typeof data64 !== "string"){
const err96 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.type,data:data64};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(!(data64 === "function")){
const err97 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.type,data:data64};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
if(data62.function !== undefined){
let data65 = data62.function;
if(data65 && typeof data65 == "object" && !Array.isArray(data65)){
if(data65.name === undefined){
const err98 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function,data:data65};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
for(const key13 in data65){
if(!((key13 === "name") || (key13 === "arguments"))){
const err99 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function,data:data65};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data65.name !== undefined){
let data66 = data65.name;
if(typeof data66 !== "string"){
const err100 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.properties.name,data:data66};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data65.arguments !== undefined){
let data67 = data65.arguments;
if((typeof data67 !== "string") && (!(data67 && typeof data67 == "object" && !Array.isArray(data67)))){
const err101 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments,data:data67};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.properties.function,data:data65};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
else {
const err103 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls/" + i10,schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.items,data:data62};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.tool_calls,data:data61};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data58.finish_reason !== undefined){
let data68 = data58.finish_reason;
if(typeof data68 !== "string"){
const err105 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9+"/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.properties.finish_reason,data:data68};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices/" + i9,schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices.items,data:data58};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/choices",schemaPath:"#/properties/rules/items/properties/respond/items/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.choices.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.choices,data:data57};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data38.delay_ms !== undefined){
let data69 = data38.delay_ms;
if(!(((typeof data69 == "number") && (!(data69 % 1) && !isNaN(data69))) && (isFinite(data69)))){
const err108 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data69};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
if((typeof data69 == "number") && (isFinite(data69))){
if(data69 > 600000 || isNaN(data69)){
const err109 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data69};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
if(data69 < 0 || isNaN(data69)){
const err110 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data69};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
}
if(data38.chunk_size !== undefined){
let data70 = data38.chunk_size;
if(!(((typeof data70 == "number") && (!(data70 % 1) && !isNaN(data70))) && (isFinite(data70)))){
const err111 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size,data:data70};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if((typeof data70 == "number") && (isFinite(data70))){
if(data70 < 1 || isNaN(data70)){
const err112 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size,data:data70};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
}
if(data38.chunk_delay_ms !== undefined){
let data71 = data38.chunk_delay_ms;
if(!(((typeof data71 == "number") && (!(data71 % 1) && !isNaN(data71))) && (isFinite(data71)))){
const err113 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data71};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
if((typeof data71 == "number") && (isFinite(data71))){
if(data71 > 600000 || isNaN(data71)){
const err114 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data71};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(data71 < 0 || isNaN(data71)){
const err115 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data71};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
if(data38.chunk_delays_ms !== undefined){
let data72 = data38.chunk_delays_ms;
if(Array.isArray(data72)){
if(data72.length > 10000){
const err116 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delays_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delays_ms/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms,data:data72};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
const len11 = data72.length;
for(let i11=0; i11<len11; i11++){
let data73 = data72[i11];
if(!(((typeof data73 == "number") && (!(data73 % 1) && !isNaN(data73))) && (isFinite(data73)))){
const err117 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delays_ms/" + i11,schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delays_ms/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms.items,data:data73};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if((typeof data73 == "number") && (isFinite(data73))){
if(data73 > 600000 || isNaN(data73)){
const err118 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delays_ms/" + i11,schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delays_ms/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms.items,data:data73};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if(data73 < 0 || isNaN(data73)){
const err119 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delays_ms/" + i11,schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delays_ms/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms.items,data:data73};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
}
}
else {
const err120 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delays_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delays_ms/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delays_ms,data:data72};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data38.ttft_ms !== undefined){
let data74 = data38.ttft_ms;
if(!(((typeof data74 == "number") && (!(data74 % 1) && !isNaN(data74))) && (isFinite(data74)))){
const err121 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data74};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if((typeof data74 == "number") && (isFinite(data74))){
if(data74 > 600000 || isNaN(data74)){
const err122 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data74};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
if(data74 < 0 || isNaN(data74)){
const err123 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data74};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
if(data38.tokens_per_second !== undefined){
let data75 = data38.tokens_per_second;
if((typeof data75 == "number") && (isFinite(data75))){
if(data75 <= 0 || isNaN(data75)){
const err124 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tokens_per_second/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second,data:data75};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
else {
const err125 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tokens_per_second/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second,data:data75};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
if(data38.jitter_ms !== undefined){
let data76 = data38.jitter_ms;
if(!(((typeof data76 == "number") && (!(data76 % 1) && !isNaN(data76))) && (isFinite(data76)))){
const err126 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data76};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
if((typeof data76 == "number") && (isFinite(data76))){
if(data76 > 600000 || isNaN(data76)){
const err127 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data76};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
if(data76 < 0 || isNaN(data76)){
const err128 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data76};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
if(data38.id !== undefined){
let data77 = data38.id;
if(typeof data77 !== "string"){
const err129 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/id",schemaPath:"#/properties/rules/items/properties/respond/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.id,data:data77};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data38.audio_url !== undefined){
let data78 = data38.audio_url;
if(typeof data78 !== "string"){
const err130 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/audio_url",schemaPath:"#/properties/rules/items/properties/respond/items/properties/audio_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.audio_url.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.audio_url,data:data78};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
if(data38.metadata !== undefined){
let data79 = data38.metadata;
if(!(data79 && typeof data79 == "object" && !Array.isArray(data79))){
const err131 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/metadata",schemaPath:"#/properties/rules/items/properties/respond/items/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.metadata.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.metadata,data:data79};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data38.stream !== undefined){
let data80 = data38.stream;
if(typeof data80 !== "boolean"){
const err132 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/stream",schemaPath:"#/properties/rules/items/properties/respond/items/properties/stream/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.respond.items.properties.stream.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.stream,data:data80};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
}
else {
const err133 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5,schemaPath:"#/properties/rules/items/properties/respond/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items,data:data38};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
}
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key14 in data37){
if(!(func2.call(schema11.properties.rules.items.properties.respond.properties, key14))){
const err134 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data37.content !== undefined){
let data81 = data37.content;
if((typeof data81 !== "string") && (data81 !== null)){
const err135 = {instancePath:instancePath+"/rules/" + i0+"/respond/content",schemaPath:"#/properties/rules/items/properties/respond/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.content,data:data81};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data37.refusal !== undefined){
let data82 = data37.refusal;
if(typeof data82 !== "string"){
const err136 = {instancePath:instancePath+"/rules/" + i0+"/respond/refusal",schemaPath:"#/properties/rules/items/properties/respond/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.refusal,data:data82};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
if(data37.tool_calls !== undefined){
let data83 = data37.tool_calls;
if(Array.isArray(data83)){
const len12 = data83.length;
for(let i12=0; i12<len12; i12++){
let data84 = data83[i12];
if(data84 && typeof data84 == "object" && !Array.isArray(data84)){
if(data84.function === undefined){
const err137 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data84};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
for(const key15 in data84){
if(!(((key15 === "id") || (key15 === "type")) || (key15 === "function"))){
const err138 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data84};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data84.id !== undefined){
let data85 = data84.id;
if(typeof data85 !== "string"){
const err139 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/id",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id,data:data85};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data84.type !== undefined){
let data86 = data84.type;
if(typeof data86 !== "string"){
const err140 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data86};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if(!(data86 === "function")){
const err141 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data86};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data84.function !== undefined){
let data87 = data84.function;
if(data87 && typeof data87 == "object" && !Array.isArray(data87)){
if(data87.name === undefined){
const err142 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data87};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
for(const key16 in data87){
if(!((key16 === "name") || (key16 === "arguments"))){
const err143 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data87};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
if(data87.name !== undefined){
let data88 = data87.name;
if(typeof data88 !== "string"){
const err144 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name,data:data88};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data87.arguments !== undefined){
let data89 = data87.arguments;
if((typeof data89 !== "string") && (!(data89 && typeof data89 == "object" && !Array.isArray(data89)))){
const err145 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments,data:data89};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
}
else {
const err146 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data87};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
}
else {
const err147 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i12,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data84};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
}
else {
const err148 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls,data:data83};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
if(data37.usage !== undefined){
let data90 = data37.usage;
if(data90 && typeof data90 == "object" && !Array.isArray(data90)){
for(const key17 in data90){
if(!(((key17 === "input_tokens") || (key17 === "output_tokens")) || (key17 === "total_tokens"))){
const err149 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data90};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
if(data90.input_tokens !== undefined){
let data91 = data90.input_tokens;
if(!(((typeof data91 == "number") && (!(data91 % 1) && !isNaN(data91))) && (isFinite(data91)))){
const err150 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data91};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if((typeof data91 == "number") && (isFinite(data91))){
if(data91 < 0 || isNaN(data91)){
const err151 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data91};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
}
if(data90.output_tokens !== undefined){
let data92 = data90.output_tokens;
if(!(((typeof data92 == "number") && (!(data92 % 1) && !isNaN(data92))) && (isFinite(data92)))){
const err152 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data92};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
if((typeof data92 == "number") && (isFinite(data92))){
if(data92 < 0 || isNaN(data92)){
const err153 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data92};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
}
if(data90.total_tokens !== undefined){
let data93 = data90.total_tokens;
if(!(((typeof data93 == "number") && (!(data93 % 1) && !isNaN(data93))) && (isFinite(data93)))){
const err154 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data93};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if((typeof data93 == "number") && (isFinite(data93))){
if(data93 < 0 || isNaN(data93)){
const err155 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data93};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
}
}
else {
const err156 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.usage.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data90};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data37.embeddings !== undefined){
let data94 = data37.embeddings;
if(Array.isArray(data94)){
const len13 = data94.length;
for(let i13=0; i13<len13; i13++){
let data95 = data94[i13];
if(data95 && typeof data95 == "object" && !Array.isArray(data95)){
if(data95.embedding === undefined){
const err157 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i13,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data95};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
for(const key18 in data95){
if(!(key18 === "embedding")){
const err158 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i13,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data95};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data95.embedding !== undefined){
let data96 = data95.embedding;
if(Array.isArray(data96)){
const len14 = data96.length;
for(let i14=0; i14<len14; i14++){
let data97 = data96[i14];
if(!((typeof data97 == "number") && (isFinite(data97)))){
const err159 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i13+"/embedding/" + i14,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items,data:data97};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
}
else {
const err160 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i13+"/embedding",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding,data:data96};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
else {
const err161 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i13,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data95};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
}
else {
const err162 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings,data:data94};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data37.finish_reason !== undefined){
let data98 = data37.finish_reason;
if(typeof data98 !== "string"){
const err163 = {instancePath:instancePath+"/rules/" + i0+"/respond/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.finish_reason,data:data98};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
if(data37.choices !== undefined){
let data99 = data37.choices;
if(Array.isArray(data99)){
if(data99.length < 1){
const err164 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices,data:data99};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
const len15 = data99.length;
for(let i15=0; i15<len15; i15++){
let data100 = data99[i15];
if(data100 && typeof data100 == "object" && !Array.isArray(data100)){
for(const key19 in data100){
if(!((((key19 === "content") || (key19 === "refusal")) || (key19 === "tool_calls")) || (key19 === "finish_reason"))){
const err165 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15,schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items,data:data100};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
if(data100.content !== undefined){
let data101 = data100.content;
if((typeof data101 !== "string") && (data101 !== null)){
const err166 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/content",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.choices.items.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.content,data:data101};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
if(data100.refusal !== undefined){
let data102 = data100.refusal;
if(typeof data102 !== "string"){
const err167 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/refusal",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.refusal,data:data102};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
if(data100.tool_calls !== undefined){
let data103 = data100.tool_calls;
if(Array.isArray(data103)){
const len16 = data103.length;
for(let i16=0; i16<len16; i16++){
let data104 = data103[i16];
if(data104 && typeof data104 == "object" && !Array.isArray(data104)){
if(data104.function === undefined){
const err168 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16,schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items,data:data104};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
for(const key20 in data104){
if(!(((key20 === "id") || (key20 === "type")) || (key20 === "function"))){
const err169 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16,schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items,data:data104};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data104.id !== undefined){
let data105 = data104.id;
if(typeof data105 !== "string"){
const err170 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/id",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.id,data:data105};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data104.type !== undefined){
let data106 = data104.type;
if(typeof data106 !== "string"){
const err171 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.type,data:data106};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
if(!(data106 === "function")){
const err172 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.type,data:data106};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data104.function !== undefined){
let data107 = data104.function;
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
if(data107.name === undefined){
const err173 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function,data:data107};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
for(const key21 in data107){
if(!((key21 === "name") || (key21 === "arguments"))){
const err174 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function,data:data107};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data107.name !== undefined){
let data108 = data107.name;
if(typeof data108 !== "string"){
const err175 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.properties.name,data:data108};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
if(data107.arguments !== undefined){
let data109 = data107.arguments;
if((typeof data109 !== "string") && (!(data109 && typeof data109 == "object" && !Array.isArray(data109)))){
const err176 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.properties.arguments,data:data109};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
}
else {
const err177 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.properties.function,data:data107};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
else {
const err178 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls/" + i16,schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.items,data:data104};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
}
else {
const err179 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.tool_calls,data:data103};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
if(data100.finish_reason !== undefined){
let data110 = data100.finish_reason;
if(typeof data110 !== "string"){
const err180 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15+"/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items.properties.finish_reason,data:data110};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
}
else {
const err181 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices/" + i15,schemaPath:"#/properties/rules/items/properties/respond/properties/choices/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.choices.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices.items,data:data100};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
}
else {
const err182 = {instancePath:instancePath+"/rules/" + i0+"/respond/choices",schemaPath:"#/properties/rules/items/properties/respond/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.choices.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.choices,data:data99};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
if(data37.delay_ms !== undefined){
let data111 = data37.delay_ms;
if(!(((typeof data111 == "number") && (!(data111 % 1) && !isNaN(data111))) && (isFinite(data111)))){
const err183 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data111};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
if((typeof data111 == "number") && (isFinite(data111))){
if(data111 > 600000 || isNaN(data111)){
const err184 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data111};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
if(data111 < 0 || isNaN(data111)){
const err185 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data111};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
}
if(data37.chunk_size !== undefined){
let data112 = data37.chunk_size;
if(!(((typeof data112 == "number") && (!(data112 % 1) && !isNaN(data112))) && (isFinite(data112)))){
const err186 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_size.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data112};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if((typeof data112 == "number") && (isFinite(data112))){
if(data112 < 1 || isNaN(data112)){
const err187 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data112};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
}
if(data37.chunk_delay_ms !== undefined){
let data113 = data37.chunk_delay_ms;
if(!(((typeof data113 == "number") && (!(data113 % 1) && !isNaN(data113))) && (isFinite(data113)))){
const err188 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data113};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
if((typeof data113 == "number") && (isFinite(data113))){
if(data113 > 600000 || isNaN(data113)){
const err189 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data113};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
if(data113 < 0 || isNaN(data113)){
const err190 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data113};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
}
if(data37.chunk_delays_ms !== undefined){
let data114 = data37.chunk_delays_ms;
if(Array.isArray(data114)){
if(data114.length > 10000){
const err191 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delays_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delays_ms/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms,data:data114};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
const len17 = data114.length;
for(let i17=0; i17<len17; i17++){
let data115 = data114[i17];
if(!(((typeof data115 == "number") && (!(data115 % 1) && !isNaN(data115))) && (isFinite(data115)))){
const err192 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delays_ms/" + i17,schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delays_ms/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms.items,data:data115};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
if((typeof data115 == "number") && (isFinite(data115))){
if(data115 > 600000 || isNaN(data115)){
const err193 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delays_ms/" + i17,schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delays_ms/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms.items,data:data115};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
if(data115 < 0 || isNaN(data115)){
const err194 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delays_ms/" + i17,schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delays_ms/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms.items,data:data115};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
}
}
else {
const err195 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delays_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delays_ms/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delays_ms,data:data114};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
if(data37.ttft_ms !== undefined){
let data116 = data37.ttft_ms;
if(!(((typeof data116 == "number") && (!(data116 % 1) && !isNaN(data116))) && (isFinite(data116)))){
const err196 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.ttft_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data116};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
if((typeof data116 == "number") && (isFinite(data116))){
if(data116 > 600000 || isNaN(data116)){
const err197 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data116};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
if(data116 < 0 || isNaN(data116)){
const err198 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data116};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
}
if(data37.tokens_per_second !== undefined){
let data117 = data37.tokens_per_second;
if((typeof data117 == "number") && (isFinite(data117))){
if(data117 <= 0 || isNaN(data117)){
const err199 = {instancePath:instancePath+"/rules/" + i0+"/respond/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/properties/tokens_per_second/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second,data:data117};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
else {
const err200 = {instancePath:instancePath+"/rules/" + i0+"/respond/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/properties/tokens_per_second/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second,data:data117};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
}
if(data37.jitter_ms !== undefined){
let data118 = data37.jitter_ms;
if(!(((typeof data118 == "number") && (!(data118 % 1) && !isNaN(data118))) && (isFinite(data118)))){
const err201 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.jitter_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data118};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if((typeof data118 == "number") && (isFinite(data118))){
if(data118 > 600000 || isNaN(data118)){
const err202 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data118};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if(data118 < 0 || isNaN(data118)){
const err203 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data118};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
}
if(data37.id !== undefined){
let data119 = data37.id;
if(typeof data119 !== "string"){
const err204 = {instancePath:instancePath+"/rules/" + i0+"/respond/id",schemaPath:"#/properties/rules/items/properties/respond/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.id,data:data119};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
if(data37.audio_url !== undefined){
let data120 = data37.audio_url;
if(typeof data120 !== "string"){
const err205 = {instancePath:instancePath+"/rules/" + i0+"/respond/audio_url",schemaPath:"#/properties/rules/items/properties/respond/properties/audio_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.audio_url.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.audio_url,data:data120};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
}
if(data37.metadata !== undefined){
let data121 = data37.metadata;
if(!(data121 && typeof data121 == "object" && !Array.isArray(data121))){
const err206 = {instancePath:instancePath+"/rules/" + i0+"/respond/metadata",schemaPath:"#/properties/rules/items/properties/respond/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.metadata.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.metadata,data:data121};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
if(data37.stream !== undefined){
let data122 = data37.stream;
if(typeof data122 !== "boolean"){
const err207 = {instancePath:instancePath+"/rules/" + i0+"/respond/stream",schemaPath:"#/properties/rules/items/properties/respond/properties/stream/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.respond.properties.stream.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.stream,data:data122};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
}
}
if(data9.error !== undefined){
let data123 = data9.error;
if(data123 && typeof data123 == "object" && !Array.isArray(data123)){
if(data123.error_type === undefined){
const err208 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/required",keyword:"required",params:{missingProperty: "error_type"},message:"must have required property '"+"error_type"+"'",schema:schema11.properties.rules.items.properties.error.required,parentSchema:schema11.properties.rules.items.properties.error,data:data123};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
for(const key22 in data123){
if(!(((((((key22 === "error_type") || (key22 === "message")) || (key22 === "status_code")) || (key22 === "code")) || (key22 === "param")) || (key22 === "retry_after")) || (key22 === "delay_ms"))){
const err209 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.error,data:data123};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
if(data123.error_type !== undefined){
let data124 = data123.error_type;
if(typeof data124 !== "string"){
const err210 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.error_type.type,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data124};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
if(!((((((data124 === "rate_limit") || (data124 === "authentication")) || (data124 === "invalid_request")) || (data124 === "timeout")) || (data124 === "content_filter")) || (data124 === "server_error"))){
const err211 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.error.properties.error_type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.error.properties.error_type.enum,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data124};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
if(data123.message !== undefined){
let data125 = data123.message;
if(typeof data125 !== "string"){
const err212 = {instancePath:instancePath+"/rules/" + i0+"/error/message",schemaPath:"#/properties/rules/items/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.message.type,parentSchema:schema11.properties.rules.items.properties.error.properties.message,data:data125};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data123.status_code !== undefined){
let data126 = data123.status_code;
if(!(((typeof data126 == "number") && (!(data126 % 1) && !isNaN(data126))) && (isFinite(data126)))){
const err213 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.status_code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data126};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
if((typeof data126 == "number") && (isFinite(data126))){
if(data126 > 599 || isNaN(data126)){
const err214 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data126};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
if(data126 < 400 || isNaN(data126)){
const err215 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/minimum",keyword:"minimum",params:{comparison: ">=", limit: 400},message:"must be >= 400",schema:400,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data126};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
}
if(data123.code !== undefined){
let data127 = data123.code;
if(typeof data127 !== "string"){
const err216 = {instancePath:instancePath+"/rules/" + i0+"/error/code",schemaPath:"#/properties/rules/items/properties/error/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.code,data:data127};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
if(data123.param !== undefined){
let data128 = data123.param;
if(typeof data128 !== "string"){
const err217 = {instancePath:instancePath+"/rules/" + i0+"/error/param",schemaPath:"#/properties/rules/items/properties/error/properties/param/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.param.type,parentSchema:schema11.properties.rules.items.properties.error.properties.param,data:data128};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
if(data123.retry_after !== undefined){
let data129 = data123.retry_after;
if((typeof data129 == "number") && (isFinite(data129))){
if(data129 > 86400 || isNaN(data129)){
const err218 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400",schema:86400,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data129};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
if(data129 < 0 || isNaN(data129)){
const err219 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data129};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
else {
const err220 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.error.properties.retry_after.type,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data129};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
if(data123.delay_ms !== undefined){
let data130 = data123.delay_ms;
if(!(((typeof data130 == "number") && (!(data130 % 1) && !isNaN(data130))) && (isFinite(data130)))){
const err221 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data130};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
if((typeof data130 == "number") && (isFinite(data130))){
if(data130 > 600000 || isNaN(data130)){
const err222 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data130};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(data130 < 0 || isNaN(data130)){
const err223 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data130};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
}
}
else {
const err224 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.error.type,parentSchema:schema11.properties.rules.items.properties.error,data:data123};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
if(data9.chaos !== undefined){
let data131 = data9.chaos;
if(data131 && typeof data131 == "object" && !Array.isArray(data131)){
for(const key23 in data131){
if(!(((((((key23 === "rate_limit") || (key23 === "server_error")) || (key23 === "disconnect")) || (key23 === "malformed")) || (key23 === "disconnect_after_chunks")) || (key23 === "stall_after_chunks")) || (key23 === "stall_ms"))){
const err225 = {instancePath:instancePath+"/rules/" + i0+"/chaos",schemaPath:"#/properties/rules/items/properties/chaos/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.chaos,data:data131};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
if(data131.rate_limit !== undefined){
let data132 = data131.rate_limit;
if((typeof data132 == "number") && (isFinite(data132))){
if(data132 > 1 || isNaN(data132)){
const err226 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data132};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
if(data132 < 0 || isNaN(data132)){
const err227 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data132};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
else {
const err228 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.rate_limit.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data132};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
if(data131.server_error !== undefined){
let data133 = data131.server_error;
if((typeof data133 == "number") && (isFinite(data133))){
if(data133 > 1 || isNaN(data133)){
const err229 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data133};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
if(data133 < 0 || isNaN(data133)){
const err230 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data133};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
else {
const err231 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.server_error.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data133};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data131.disconnect !== undefined){
let data134 = data131.disconnect;
if((typeof data134 == "number") && (isFinite(data134))){
if(data134 > 1 || isNaN(data134)){
const err232 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data134};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
if(data134 < 0 || isNaN(data134)){
const err233 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data134};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
else {
const err234 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.disconnect.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data134};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
if(data131.malformed !== undefined){
let data135 = data131.malformed;
if((typeof data135 == "number") && (isFinite(data135))){
if(data135 > 1 || isNaN(data135)){
const err235 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data135};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
if(data135 < 0 || isNaN(data135)){
const err236 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data135};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
else {
const err237 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.malformed.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data135};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
if(data131.disconnect_after_chunks !== undefined){
let data136 = data131.disconnect_after_chunks;
if(!(((typeof data136 == "number") && (!(data136 % 1) && !isNaN(data136))) && (isFinite(data136)))){
const err238 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect_after_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks,data:data136};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
if((typeof data136 == "number") && (isFinite(data136))){
if(data136 < 0 || isNaN(data136)){
const err239 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect_after_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks,data:data136};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
}
if(data131.stall_after_chunks !== undefined){
let data137 = data131.stall_after_chunks;
if(!(((typeof data137 == "number") && (!(data137 % 1) && !isNaN(data137))) && (isFinite(data137)))){
const err240 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_after_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks,data:data137};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
if((typeof data137 == "number") && (isFinite(data137))){
if(data137 < 0 || isNaN(data137)){
const err241 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_after_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks,data:data137};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
}
if(data131.stall_ms !== undefined){
let data138 = data131.stall_ms;
if(!(((typeof data138 == "number") && (!(data138 % 1) && !isNaN(data138))) && (isFinite(data138)))){
const err242 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.stall_ms.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data138};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
if((typeof data138 == "number") && (isFinite(data138))){
if(data138 > 600000 || isNaN(data138)){
const err243 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data138};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
if(data138 < 0 || isNaN(data138)){
const err244 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data138};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
}
}
else {
const err245 = {instancePath:instancePath+"/rules/" + i0+"/chaos",schemaPath:"#/properties/rules/items/properties/chaos/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.chaos.type,parentSchema:schema11.properties.rules.items.properties.chaos,data:data131};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
}
if(data9.times !== undefined){
let data139 = data9.times;
if((!(((typeof data139 == "number") && (!(data139 % 1) && !isNaN(data139))) && (isFinite(data139)))) && (data139 !== null)){
const err246 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.times.type,parentSchema:schema11.properties.rules.items.properties.times,data:data139};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
if((typeof data139 == "number") && (isFinite(data139))){
if(data139 < 1 || isNaN(data139)){
const err247 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.times,data:data139};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
}
if(data9.cycle !== undefined){
let data140 = data9.cycle;
if(typeof data140 !== "boolean"){
const err248 = {instancePath:instancePath+"/rules/" + i0+"/cycle",schemaPath:"#/properties/rules/items/properties/cycle/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.cycle.type,parentSchema:schema11.properties.rules.items.properties.cycle,data:data140};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
if(data9.recorded !== undefined){
let data141 = data9.recorded;
if(data141 && typeof data141 == "object" && !Array.isArray(data141)){
for(const key24 in data141){
if(!(((key24 === "request") || (key24 === "query")) || (key24 === "shape"))){
const err249 = {instancePath:instancePath+"/rules/" + i0+"/recorded",schemaPath:"#/properties/rules/items/properties/recorded/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.recorded,data:data141};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
}
if(data141.request !== undefined){
let data142 = data141.request;
if(!(data142 && typeof data142 == "object" && !Array.isArray(data142))){
const err250 = {instancePath:instancePath+"/rules/" + i0+"/recorded/request",schemaPath:"#/properties/rules/items/properties/recorded/properties/request/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.recorded.properties.request.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.request,data:data142};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
if(data141.query !== undefined){
let data143 = data141.query;
if(typeof data143 !== "string"){
const err251 = {instancePath:instancePath+"/rules/" + i0+"/recorded/query",schemaPath:"#/properties/rules/items/properties/recorded/properties/query/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.recorded.properties.query.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.query,data:data143};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
if(data141.shape !== undefined){
let data144 = data141.shape;
if(typeof data144 !== "string"){
const err252 = {instancePath:instancePath+"/rules/" + i0+"/recorded/shape",schemaPath:"#/properties/rules/items/properties/recorded/properties/shape/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.recorded.properties.shape.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.shape,data:data144};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
}
else {
const err253 = {instancePath:instancePath+"/rules/" + i0+"/recorded",schemaPath:"#/properties/rules/items/properties/recorded/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.recorded.type,parentSchema:schema11.properties.rules.items.properties.recorded,data:data141};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
}
else {
const err254 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.type,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
}
else {
const err255 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data8};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
}
else {
const err256 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

